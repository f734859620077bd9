package dev.leakhunter.demo.mail;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;

/**
 * "Compiles" a template: a child-first loader for the template implementation package that
 * defines the template class anew from the class file the parent loader holds as a resource.
 *
 * <p>That is what template and script engines do (Groovy, JSP, expression languages): each
 * compilation defines classes in a fresh loader, so they can be dropped by dropping the loader.
 * Keep the loader reachable and the classes, their metaspace and the loader stay too.
 *
 * <p>Only names under {@link #TEMPLATES_PACKAGE} are defined here; everything else, the
 * {@link Template} interface in particular, comes from the parent, so the instances cast to the
 * parent's {@code Template}. The bytes are read with {@code getResourceAsStream}, never with
 * {@code parent.loadClass}: the parent must not define the implementations itself.
 */
public final class TemplateClassLoader extends ClassLoader {

    /** The package whose classes each loader defines itself (child-first). */
    public static final String TEMPLATES_PACKAGE = "dev.leakhunter.demo.mail.templates.";

    public TemplateClassLoader(ClassLoader parent) {
        // A named loader: the name shows up in stack traces and heap tools.
        super("templates", parent);
    }

    /** Defines {@code className} in a new loader whose parent loaded {@link Template}, and instantiates it. */
    public static Template compile(String className) {
        return new TemplateClassLoader(Template.class.getClassLoader()).newTemplate(className);
    }

    /** Loads {@code className} (a template implementation) in this loader and instantiates it. */
    public Template newTemplate(String className) {
        if (!className.startsWith(TEMPLATES_PACKAGE)) {
            throw new IllegalArgumentException(className + " is not a template: templates live in " + TEMPLATES_PACKAGE);
        }
        try {
            Class<? extends Template> type = loadClass(className).asSubclass(Template.class);
            return type.getDeclaredConstructor().newInstance();
        } catch (ClassNotFoundException | NoSuchMethodException | InstantiationException
                | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot compile template " + className + ": " + e, e);
        }
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!name.startsWith(TEMPLATES_PACKAGE)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> type = findLoadedClass(name);
            if (type == null) {
                type = findClass(name);
            }
            if (resolve) {
                resolveClass(type);
            }
            return type;
        }
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        if (!name.startsWith(TEMPLATES_PACKAGE)) {
            throw new ClassNotFoundException(name);
        }
        String resource = name.replace('.', '/') + ".class";
        byte[] bytes;
        try (InputStream in = getParent().getResourceAsStream(resource)) {
            if (in == null) {
                throw new ClassNotFoundException(name + ": the parent loader has no resource " + resource);
            }
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new ClassNotFoundException(name + ": cannot read " + resource, e);
        }
        return defineClass(name, bytes, 0, bytes.length);
    }
}
