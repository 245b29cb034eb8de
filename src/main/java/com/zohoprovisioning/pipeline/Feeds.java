package com.zohoprovisioning.pipeline;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.PackageScanClassResolver;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** Finds the feeds: every {@link Feed} class under {@code com.zohoprovisioning.feeds}, by Camel's classpath scan. */
public final class Feeds {

    public static final String PACKAGE = "com.zohoprovisioning.feeds";
    private static final java.util.regex.Pattern ZOHO_STEP = java.util.regex.Pattern.compile("\\bzoho:([A-Za-z0-9_-]+)");

    private Feeds() {
    }

    public static List<Feed> discover(CamelContext context) {
        PackageScanClassResolver scan = context.getCamelContextExtension().getContextPlugin(PackageScanClassResolver.class);
        List<Feed> feeds = new ArrayList<>();
        for (Class<?> type : scan.findImplementations(Feed.class, PACKAGE)) {
            if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
                continue;
            }
            try {
                feeds.add((Feed) type.getDeclaredConstructor().newInstance());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("feed " + type.getName() + " needs a public no-argument constructor", e);
            }
        }
        if (feeds.isEmpty()) {
            throw new IllegalStateException("no feed found under " + PACKAGE);
        }
        feeds.sort(Comparator.comparing(Feed::name));
        return feeds;
    }

    /**
     * Loads a feed's routes: {@code <feed>.yaml} in its folder. (By its exact path: Camel's wildcard scan of a
     * shaded jar drops the folder level of {@code feeds/<feed>/}.)
     */
    public static void loadRoutes(CamelContext context, Feed feed) throws Exception {
        org.apache.camel.spi.Resource routes = org.apache.camel.support.ResourceHelper.resolveMandatoryResource(context,
                "classpath:" + routesPath(feed));
        org.apache.camel.support.PluginHelper.getRoutesLoader(context).loadRoutes(routes);
    }

    /** The Zoho APIs a feed's routes call, read from its {@code <feed>.yaml} without loading them. */
    public static Set<String> apis(Feed feed) {
        try (java.io.InputStream in = feed.getClass().getClassLoader().getResourceAsStream(routesPath(feed))) {
            return in == null ? Set.of() : apis(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Where a feed's routes are: {@code <feed>.yaml} in its folder (its class's package). */
    private static String routesPath(Feed feed) {
        return feed.getClass().getPackageName().replace('.', '/') + "/" + feed.name() + ".yaml";
    }

    /** The Zoho APIs a feed's routes call: those its {@code zoho:<api>} steps name. */
    static Set<String> apis(String routes) {
        Set<String> apis = new java.util.TreeSet<>();
        java.util.regex.Matcher m = ZOHO_STEP.matcher(routes);
        while (m.find()) {
            apis.add(m.group(1));
        }
        return apis;
    }
}
