package dev.leakhunter.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakhunter.demo.avatar.AvatarStore;
import dev.leakhunter.demo.avatar.Member;
import dev.leakhunter.demo.avatar.StorageConnection;
import dev.leakhunter.demo.avatar.ThumbnailCache;
import dev.leakhunter.demo.mail.Template;
import dev.leakhunter.demo.mail.TemplateCache;
import dev.leakhunter.demo.mail.TemplateClassLoader;
import dev.leakhunter.demo.orders.LineItem;
import dev.leakhunter.demo.orders.Order;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Each leak retains exactly one unit per job of its own kind, in the holding field the contract
 * names; without leaks nothing grows. Drives a {@link Worker} directly, as a job loop would.
 *
 * <p>The template cache is static (JVM-wide), so template assertions compare before and after.
 */
class LeakRetentionTest {

    private static final String TEMPLATE_CLASS = "dev.leakhunter.demo.mail.templates.WeeklyDigestTemplate";

    @Test
    void processedLogKeepsEveryOrderInWorkerProcessed() throws Exception {
        Worker worker = worker(EnumSet.of(Leak.PROCESSED_LOG));
        JobFactory jobs = new JobFactory();
        List<Long> orderIds = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            Job job = jobs.next();
            if (job.kind() == JobKind.ORDER) {
                orderIds.add(job.id());
            }
            worker.handle(job);
        }

        Field field = Worker.class.getDeclaredField("processed");
        assertFalse(Modifier.isStatic(field.getModifiers()), "an instance field of the job receiver");
        field.setAccessible(true);
        Object processed = field.get(worker);
        assertSame(ArrayList.class, processed.getClass());
        List<?> orders = (List<?>) processed;
        assertEquals(100, orders.size());
        List<Long> kept = new ArrayList<>();
        for (Object element : orders) {
            Order order = (Order) element;
            kept.add(order.id());
            assertTrue(order.lineItems().size() >= 3, "an order keeps its line items");
            assertTrue(order.lineItems().get(0) instanceof LineItem);
        }
        assertEquals(orderIds, kept);
    }

    @Test
    void templateCacheDefinesAClassInANewLoaderPerEmail() throws Exception {
        Worker worker = worker(EnumSet.of(Leak.TEMPLATE_CACHE));
        Set<Template> before = identitySet(TemplateCache.snapshot());
        JobFactory jobs = new JobFactory();
        for (int i = 0; i < 300; i++) {
            worker.handle(jobs.next());
        }
        List<Template> added = new ArrayList<>();
        for (Template template : TemplateCache.snapshot()) {
            if (!before.contains(template)) {
                added.add(template);
            }
        }
        assertEquals(100, added.size(), "one compiled template per email");

        Set<Class<?>> classes = identitySet(List.of());
        Set<ClassLoader> loaders = identitySet(List.of());
        for (Template template : added) {
            Class<?> type = template.getClass();
            assertEquals(TEMPLATE_CLASS, type.getName());
            assertTrue(type.getClassLoader() instanceof TemplateClassLoader, "defined by " + type.getClassLoader());
            classes.add(type);
            loaders.add(type.getClassLoader());
        }
        assertEquals(100, classes.size(), "100 distinct classes of the same name");
        assertEquals(100, loaders.size(), "from 100 distinct loaders");
        assertTrue(loaders.stream().noneMatch(loader -> loader == Template.class.getClassLoader()));

        Field field = TemplateCache.class.getDeclaredField("COMPILED");
        assertTrue(Modifier.isStatic(field.getModifiers()), "held by a static map");
    }

    @Test
    void asyncSaveParksOneCompletionHoldingMemberAndBytesPerAvatarJob() throws Exception {
        Worker worker = worker(EnumSet.of(Leak.ASYNC_SAVE));
        JobFactory jobs = new JobFactory();
        List<Integer> avatarMembers = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            Job job = jobs.next();
            if (job.kind() == JobKind.AVATAR) {
                avatarMembers.add(job.memberId());
            }
            worker.handle(job);
        }

        AvatarStore store = worker.services().avatars().store();
        Field field = AvatarStore.class.getDeclaredField("connected");
        field.setAccessible(true);
        CompletableFuture<?> connected = (CompletableFuture<?>) field.get(store);
        assertFalse(connected.isDone(), "the backend never came up");
        assertEquals(100, connected.getNumberOfDependents());
        assertEquals(100, store.pendingSaves());

        // What the pending completions hold: bring the backend up and see what they save.
        List<Member> members = Collections.synchronizedList(new ArrayList<>());
        List<byte[]> avatars = Collections.synchronizedList(new ArrayList<>());
        StorageConnection recorder = (member, avatar) -> {
            members.add(member);
            avatars.add(avatar);
        };
        store.connect(recorder);
        assertEquals(0, store.pendingSaves());
        assertEquals(100, members.size());
        assertEquals(100, identitySet(members).size(), "a Member object per job");
        assertEquals(100, identitySet(avatars).size(), "a byte[] per job");
        for (byte[] avatar : avatars) {
            assertTrue(avatar.length >= 2_048 && avatar.length <= 8_192, "avatar of " + avatar.length + " bytes");
        }
        List<Integer> saved = new ArrayList<>();
        members.forEach(member -> saved.add(member.id()));
        Collections.sort(saved);
        Collections.sort(avatarMembers);
        assertEquals(avatarMembers, saved);
    }

    @Test
    void eachLeakGrowsOnlyOnItsOwnJobKind() {
        Worker worker = worker(EnumSet.allOf(Leak.class));
        AvatarStore store = worker.services().avatars().store();
        JobFactory jobs = new JobFactory();
        for (int i = 0; i < 60; i++) {
            Job job = jobs.next();
            int orders = worker.processedOrders().size();
            int templates = TemplateCache.size();
            int saves = store.pendingSaves();
            worker.handle(job);
            assertEquals(orders + (job.kind() == JobKind.ORDER ? 1 : 0), worker.processedOrders().size(), job.toString());
            assertEquals(templates + (job.kind() == JobKind.EMAIL ? 1 : 0), TemplateCache.size(), job.toString());
            assertEquals(saves + (job.kind() == JobKind.AVATAR ? 1 : 0), store.pendingSaves(), job.toString());
        }
    }

    @Test
    void noLeakRetainsNothingThatGrows() {
        Worker worker = worker(EnumSet.noneOf(Leak.class));
        AvatarStore store = worker.services().avatars().store();
        ThumbnailCache thumbnails = worker.services().avatars().thumbnails();
        JobFactory jobs = new JobFactory();
        for (int i = 0; i < 300; i++) {
            worker.handle(jobs.next());
        }
        int templates = TemplateCache.size();
        Template digest = TemplateCache.get("weekly-digest", TEMPLATE_CLASS);
        assertEquals(ThumbnailCache.CAPACITY, thumbnails.size(), "the cache has filled");

        for (int i = 0; i < 300; i++) {
            worker.handle(jobs.next());
        }
        assertEquals(0, worker.processedOrders().size());
        assertEquals(templates, TemplateCache.size(), "no template compiled after the first");
        assertSame(digest, TemplateCache.get("weekly-digest", TEMPLATE_CLASS));
        assertTrue(store.isConnected());
        assertEquals(0, store.pendingSaves());
        assertEquals(ThumbnailCache.CAPACITY, thumbnails.size(), "the cache stays at its bound");
    }

    @Test
    void everyJobRunsItsKindOnce() {
        Worker worker = worker(EnumSet.noneOf(Leak.class));
        Services services = worker.services();
        JobFactory jobs = new JobFactory();
        for (int i = 0; i < 300; i++) {
            worker.handle(jobs.next());
        }
        assertEquals(100, services.checkout().placed());
        assertEquals(100, services.mailer().outbox().sent());
        assertEquals(100, services.avatars().refreshed());
    }

    @Test
    void workersShareServicesButEachKeepsItsOwnLog() {
        Set<Leak> leaks = EnumSet.of(Leak.PROCESSED_LOG);
        Services services = Services.create(leaks);
        Worker first = new Worker(services, leaks);
        Worker second = new Worker(services, leaks);
        JobFactory jobs = new JobFactory();
        first.handle(jobs.next());
        jobs.next();
        jobs.next();
        second.handle(jobs.next());
        second.handle(jobs.next());
        assertNotSame(first.processedOrders(), second.processedOrders());
        assertEquals(1, first.processedOrders().size());
        assertEquals(1, second.processedOrders().size());
        assertEquals(2, services.checkout().placed());
    }

    private static Worker worker(Set<Leak> leaks) {
        return new Worker(Services.create(leaks), leaks);
    }

    private static <T> Set<T> identitySet(List<T> elements) {
        Set<T> set = Collections.newSetFromMap(new IdentityHashMap<T, Boolean>());
        set.addAll(elements);
        return set;
    }
}
