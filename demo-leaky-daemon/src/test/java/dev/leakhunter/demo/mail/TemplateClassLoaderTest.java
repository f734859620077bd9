package dev.leakhunter.demo.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateClassLoaderTest {

    private static final String DIGEST = "dev.leakhunter.demo.mail.templates.WeeklyDigestTemplate";

    @Test
    void eachLoaderDefinesItsOwnClassOfTheSameName() {
        Template first = TemplateClassLoader.compile(DIGEST);
        Template second = TemplateClassLoader.compile(DIGEST);
        assertEquals(DIGEST, first.getClass().getName());
        assertEquals(DIGEST, second.getClass().getName());
        assertNotSame(first.getClass(), second.getClass());
        assertTrue(first.getClass().getClassLoader() instanceof TemplateClassLoader);
        assertNotSame(first.getClass().getClassLoader(), second.getClass().getClassLoader());
    }

    @Test
    void theInterfaceAndTheJdkComeFromTheParent() throws ClassNotFoundException {
        ClassLoader parent = Template.class.getClassLoader();
        TemplateClassLoader loader = new TemplateClassLoader(parent);
        assertSame(Template.class, loader.loadClass(Template.class.getName()));
        assertSame(String.class, loader.loadClass("java.lang.String"));
        Template template = loader.newTemplate(DIGEST);
        assertSame(loader, template.getClass().getClassLoader());
        assertSame(template.getClass(), loader.loadClass(DIGEST), "defined once per loader");
    }

    @Test
    void aCompiledTemplateRendersEscapedHtml() {
        Template template = TemplateClassLoader.compile(DIGEST);
        String html = template.render(Map.of("name", "Ada <script>", "city", "Lyon", "points", 42,
                "email", "ada@example.org", "recommendations", List.of("Tea & biscuits", "Lamp")));
        assertEquals("weekly-digest", template.name());
        assertTrue(html.contains("Hello Ada &lt;script&gt;,"), html);
        assertTrue(html.contains("<li class=\"pick-1\">Tea &amp; biscuits</li>"), html);
        assertTrue(html.contains("<b>42</b>"), html);
    }

    @Test
    void onlyTemplatesAreCompiled() {
        TemplateClassLoader loader = new TemplateClassLoader(Template.class.getClassLoader());
        assertThrows(IllegalArgumentException.class, () -> loader.newTemplate("dev.leakhunter.demo.mail.Mailer"));
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> loader.newTemplate("dev.leakhunter.demo.mail.templates.NoSuchTemplate"));
        assertTrue(missing.getMessage().contains("no resource dev/leakhunter/demo/mail/templates/NoSuchTemplate.class"),
                missing.getMessage());
    }
}
