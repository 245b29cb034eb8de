package com.zohoprovisioning.zoho;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.support.DefaultEndpoint;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code zoho:<api>?method=…&path=…[&query=…][&paging=page|start&list=<key>]}: the call's API ({@code bigin},
 * {@code crm}, {@code mail}, …: which attempts route and base URL it uses), its HTTP method, its path and query
 * (Simple expressions, evaluated per exchange: {@code /crm/v6/users/${variable.id}}). With {@code paging}, every page
 * of a list is read and the answer holds all items under {@code list}: {@code page} is Zoho's page/per_page with
 * {@code info.more_records}, {@code start} is Zoho Mail's start/limit (a short page is the last).
 */
@UriEndpoint(scheme = "zoho", title = "Zoho call", syntax = "zoho:api", producerOnly = true,
        category = {Category.API}, firstVersion = "4.17.0")
public class ZohoEndpoint extends DefaultEndpoint {

    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}]*)}");

    private final String api;
    private String method = "GET";
    private String path;
    private String query;
    private String paging;
    private String list;
    private int pageSize;

    ZohoEndpoint(String uri, ZohoComponent component, String api) {
        super(uri, component);
        this.api = api;
    }

    @Override
    public Producer createProducer() {
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException(getEndpointUri() + ": path must start with /");
        }
        if (paging != null && (list == null || !paging.equals("page") && !paging.equals("start"))) {
            throw new IllegalArgumentException(getEndpointUri() + ": paging is page or start, and needs list");
        }
        return new ZohoProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("zoho: sends calls; it consumes nothing");
    }

    @Override
    public boolean isSingletonProducer() {
        return true;
    }

    @Override
    public ZohoComponent getComponent() {
        return (ZohoComponent) super.getComponent();
    }

    /**
     * The endpoint's name in counters and summaries: the method and the path with each expression named by its last
     * word ({@code PUT /crm/v6/users/${variable.id}} → {@code PUT /crm/v6/users/{id}}).
     */
    String counterName() {
        Matcher m = EXPRESSION.matcher(path);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String[] words = m.group(1).split("[.:]");
            m.appendReplacement(sb, Matcher.quoteReplacement("{" + words[words.length - 1].replace("()", "") + "}"));
        }
        m.appendTail(sb);
        return method + " " + sb;
    }

    public String getApi() {
        return api;
    }

    public String getMethod() {
        return method;
    }

    public void setMethod(String method) {
        this.method = method.toUpperCase(Locale.ROOT);
    }

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }

    public String getPaging() {
        return paging;
    }

    public void setPaging(String paging) {
        this.paging = paging;
    }

    public String getList() {
        return list;
    }

    public void setList(String list) {
        this.list = list;
    }

    public int getPageSize() {
        return pageSize;
    }

    public void setPageSize(int pageSize) {
        this.pageSize = pageSize;
    }
}
