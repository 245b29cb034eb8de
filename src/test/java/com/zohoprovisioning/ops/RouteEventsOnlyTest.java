package com.zohoprovisioning.ops;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.micrometer.eventnotifier.MicrometerRouteEventNotifier;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** Exchange events are announced only when some event notifier wants them (the route gauges want route events). */
class RouteEventsOnlyTest {

    private static CamelContext context() throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").routeId("in").to("log:test?level=OFF");
            }
        });
        return context;
    }

    @Test
    void withOnlyTheRouteGaugesNoExchangeEventIsAnnounced() throws Exception {
        try (CamelContext context = context()) {
            MicrometerRouteEventNotifier routes = new MicrometerRouteEventNotifier();
            context.getManagementStrategy().addEventNotifier(routes);
            context.start();
            OpsBeans.routeEventsOnly(context, false);
            assertThat(routes.isIgnoreExchangeEvents()).isTrue();
            assertThat(routes.isIgnoreRouteEvents()).isFalse();
            assertThat(context.getCamelContextExtension().isEventNotificationApplicable()).isFalse();
        }
    }

    @Test
    void aNotifierThatWantsExchangeEventsStillGetsThem() throws Exception {
        try (CamelContext context = context()) {
            List<CamelEvent> seen = new CopyOnWriteArrayList<>();
            context.getManagementStrategy().addEventNotifier(new MicrometerRouteEventNotifier());
            context.getManagementStrategy().addEventNotifier(new EventNotifierSupport() {
                @Override
                public void notify(CamelEvent event) {
                    seen.add(event);
                }
            });
            context.start();
            OpsBeans.routeEventsOnly(context, false);
            assertThat(context.getCamelContextExtension().isEventNotificationApplicable()).isTrue();
            context.createProducerTemplate().sendBody("direct:in", "x");
            assertThat(seen).anyMatch(e -> e instanceof CamelEvent.ExchangeCompletedEvent);
        }
    }
}
