package io.latchkey.lanbilling;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.w3c.dom.Element;

/**
 * A LANBilling for the tests: an HTTP server on loopback that speaks the api3 SOAP envelopes and faults of the
 * operations the adapter uses (the shapes of {@code ../shared/lanbilling/}), keeps subscribers, agreements,
 * accounts with extra fields and block codes, and periodic services, and publishes a WSDL. It can expire its
 * sessions, fail calls, garble an answer and lock the period, as a real one does at the worst moment. Public
 * (in the test-jar) for the reference server's tests, which sync from it through the server's settings.
 */
public final class LanBillingEmulator implements AutoCloseable {

    private final HttpServer server;
    private final Set<String> sessions = new HashSet<>();
    private final Map<Long, String> users = new HashMap<>();
    private final Map<Long, Long> agreements = new HashMap<>();
    private final TreeMap<Long, Vgroup> vgroups = new TreeMap<>();
    private final Map<Long, Service> services = new HashMap<>();
    private final Set<String> published = new TreeSet<>(LanBillingGateway.OPERATIONS);
    private final Map<String, Integer> calls = new HashMap<>();
    private long ids = 1000;
    private int failing;
    private int failAfter = -1;
    private boolean garble;
    private boolean periodLocked;

    private static final class Vgroup {
        final long agrmid;
        final String address;
        final Map<String, String> addons = new TreeMap<>();
        long blocked;

        Vgroup(long agrmid, String address) {
            this.agrmid = agrmid;
            this.address = address;
        }
    }

    private record Service(long vgid, long tarid, long catidx, String timefrom, String[] timeto) {
    }

    public LanBillingEmulator() throws IOException {
        // The JDK's server writes headers and body apart: with Nagle on, each answer waits ~40 ms for an ACK.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::soap);
        server.createContext("/admin/soap/api3.wsdl", this::wsdl);
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    URI wsdlAddress() {
        return endpoint().resolve("/admin/soap/api3.wsdl");
    }

    /** Forgets every session, as the billing does after its idle time-out. */
    synchronized void expireSessions() {
        sessions.clear();
    }

    /** Answers the next {@code n} calls with HTTP 503. */
    synchronized void failNext(int n) {
        failing = n;
    }

    /** Answers HTTP 503 from the call after the next {@code n} on, until {@link #recover()}. */
    synchronized void failAfter(int n) {
        failAfter = n;
    }

    synchronized void recover() {
        failAfter = -1;
        failing = 0;
    }

    /** Answers the next call with something that is not XML. */
    synchronized void garbleNext() {
        garble = true;
    }

    /** Refuses every write with the period-lock fault. */
    synchronized void lockPeriod() {
        periodLocked = true;
    }

    /** Stops publishing an operation in the WSDL. */
    synchronized void unpublish(String operation) {
        published.remove(operation);
    }

    /** How many times an operation was called. */
    synchronized int calls(String operation) {
        return calls.getOrDefault(operation, 0);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void wsdl(HttpExchange exchange) throws IOException {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?><definitions xmlns=\"http://schemas.xmlsoap.org/"
                + "wsdl/\" targetNamespace=\"urn:api3\"><portType name=\"api3PortType\">");
        synchronized (this) {
            published.forEach(op -> xml.append("<operation name=\"").append(op).append("\"/>"));
        }
        xml.append("</portType></definitions>");
        send(exchange, 200, xml.toString(), null);
    }

    private void soap(HttpExchange exchange) throws IOException {
        byte[] request = exchange.getRequestBody().readAllBytes();
        String cookie = exchange.getRequestHeaders().getFirst("Cookie");
        synchronized (this) {
            if (failing > 0 || failAfter == 0) {
                failing = Math.max(0, failing - 1);
                send(exchange, 503, "busy", null);
                return;
            }
            if (failAfter > 0) {
                failAfter--;
            }
            if (garble) {
                garble = false;
                send(exchange, 200, "<SOAP-ENV:Envelope><oops", null);
                return;
            }
            Element body = Xml.child(Xml.parse(request), "Body").orElseThrow();
            Element call = firstElement(body);
            String op = Xml.localName(call);
            calls.merge(op, 1, Integer::sum);
            String session = cookie == null ? null : cookie.replaceFirst("^sessnum=", "");
            try {
                if (op.equals("Login")) {
                    if (!Xml.required(call, "login").equals("latchkey") || !Xml.required(call, "pass")
                            .equals("secret")) {
                        throw new Fault("Client not authorized");
                    }
                    String issued = UUID.randomUUID().toString();
                    sessions.add(issued);
                    send(exchange, 200, envelope(op, "<ret><manager><login>latchkey</login></manager></ret>"),
                            "sessnum=" + issued + "; path=/");
                    return;
                }
                if (session == null || !sessions.contains(session)) {
                    throw new Fault("Client not authorized");
                }
                send(exchange, 200, envelope(op, answer(op, call)), null);
            } catch (Fault fault) {
                send(exchange, 500, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><SOAP-ENV:Envelope xmlns:SOAP-ENV="
                        + "\"http://schemas.xmlsoap.org/soap/envelope/\"><SOAP-ENV:Body><SOAP-ENV:Fault><faultcode>"
                        + "SOAP-ENV:Server</faultcode><faultstring>" + Xml.escape(fault.getMessage())
                        + "</faultstring></SOAP-ENV:Fault></SOAP-ENV:Body></SOAP-ENV:Envelope>", null);
            }
        }
    }

    private static Element firstElement(Element parent) {
        for (org.w3c.dom.Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                return e;
            }
        }
        throw new IllegalStateException("an empty body");
    }

    private static final class Fault extends Exception {
        Fault(String message) {
            super(message);
        }
    }

    private String answer(String op, Element call) throws Fault {
        if (periodLocked && (op.startsWith("insupd") || op.equals("setVgroupAddon") || op.equals("stopUsboxService")
                || op.equals("blkVgroup"))) {
            throw new Fault("There is period lock. Changes are not allowed before 2026-10-31");
        }
        switch (op) {
            case "Logout" -> {
                return "<ret>1</ret>";
            }
            case "getVgroups" -> {
                Element flt = Xml.child(call, "flt").orElseThrow(() -> new Fault("flt is required"));
                List<Long> ids = new ArrayList<>();
                String vgid = Xml.text(flt, "vgid").orElse("0");
                if (!vgid.equals("0")) {
                    long id = id(vgid);
                    if (vgroups.containsKey(id)) {
                        ids.add(id);
                    }
                } else {
                    int page = (int) number(flt, "pgnum");
                    int size = (int) number(flt, "pgsize");
                    ids.addAll(vgroups.keySet().stream().skip((long) (page - 1) * size).limit(size).toList());
                }
                StringBuilder out = new StringBuilder();
                for (long id : ids) {
                    Vgroup v = vgroups.get(id);
                    out.append("<ret><vgid>").append(id).append("</vgid><agrmid>").append(v.agrmid)
                            .append("</agrmid><blocked>").append(v.blocked).append("</blocked><balance>12.50</balance>"
                                    + "<address><type>0</type><code></code><address>").append(Xml.escape(v.address))
                            .append("</address></address><unknownfield>1</unknownfield></ret>");
                }
                return out.toString();
            }
            case "getVgroupAddons" -> {
                Vgroup v = vgroup(number(call, "id"));
                StringBuilder out = new StringBuilder();
                v.addons.forEach((name, value) -> out.append("<ret><name>").append(Xml.escape(name))
                        .append("</name><strvalue>").append(Xml.escape(value)).append("</strvalue></ret>"));
                return out.toString();
            }
            case "getUsboxServices" -> {
                long vgid = number(Xml.child(call, "flt").orElseThrow(() -> new Fault("flt is required")), "vgid");
                StringBuilder out = new StringBuilder();
                services.forEach((id, s) -> {
                    if (s.vgid() == vgid) {
                        out.append("<ret><service><servid>").append(id).append("</servid><vgid>").append(vgid)
                                .append("</vgid><tarid>").append(s.tarid()).append("</tarid><catidx>")
                                .append(s.catidx()).append("</catidx><timefrom>").append(s.timefrom())
                                .append("</timefrom><timeto>").append(s.timeto()[0] == null ? "" : s.timeto()[0])
                                .append("</timeto></service><tarifdescr>Домофон</tarifdescr></ret>");
                    }
                });
                return out.toString();
            }
            case "insupdAccount" -> {
                Element val = val(call);
                users.put(++ids, Xml.required(val, "name"));
                return ret(ids);
            }
            case "insupdAgreement" -> {
                Element val = val(call);
                long uid = id(Xml.required(val, "uid"));
                if (!users.containsKey(uid)) {
                    throw new Fault("No such user: " + uid);
                }
                agreements.put(++ids, uid);
                return ret(ids);
            }
            case "insupdVgroup" -> {
                Element val = val(call);
                long agrmid = id(Xml.required(val, "agrmid"));
                if (!agreements.containsKey(agrmid)) {
                    throw new Fault("No such agreement: " + agrmid);
                }
                vgroups.put(++ids, new Vgroup(agrmid, Xml.required(val, "descr")));
                return ret(ids);
            }
            case "setVgroupAddon" -> {
                Element val = val(call);
                vgroup(number(val, "vgid")).addons.put(Xml.required(val, "name"), Xml.required(val, "strvalue"));
                return ret(1);
            }
            case "insupdUsboxService" -> {
                Element val = val(call);
                long vgid = number(val, "vgid");
                vgroup(vgid);
                services.put(++ids, new Service(vgid, number(val, "tarid"), number(val, "catidx"),
                        Xml.required(val, "timefrom"), new String[] {null}));
                return ret(ids);
            }
            case "stopUsboxService" -> {
                Service s = services.get(number(call, "id"));
                if (s == null) {
                    throw new Fault("No such service");
                }
                s.timeto()[0] = Xml.required(call, "timeto");
                return ret(1);
            }
            case "blkVgroup" -> {
                vgroup(number(call, "id")).blocked = number(call, "blk");
                return ret(1);
            }
            default -> throw new Fault("Unknown function " + op);
        }
    }

    private Vgroup vgroup(long vgid) throws Fault {
        Vgroup v = vgroups.get(vgid);
        if (v == null) {
            throw new Fault("No such vgroup: " + vgid);
        }
        return v;
    }

    private static Element val(Element call) throws Fault {
        return Xml.child(call, "val").orElseThrow(() -> new Fault("val is required"));
    }

    private static long number(Element parent, String name) throws Fault {
        return id(Xml.text(parent, name).orElseThrow(() -> new Fault(name + " is required")));
    }

    private static long id(String text) throws Fault {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new Fault("Invalid number: " + text);
        }
    }

    private static String ret(long id) {
        return "<ret>" + id + "</ret>";
    }

    private static String envelope(String op, String content) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><SOAP-ENV:Envelope xmlns:SOAP-ENV=\"http://schemas.xmlsoap"
                + ".org/soap/envelope/\" xmlns:ns1=\"urn:api3\"><SOAP-ENV:Body><ns1:" + op + "Response>" + content
                + "</ns1:" + op + "Response></SOAP-ENV:Body></SOAP-ENV:Envelope>";
    }

    private static void send(HttpExchange exchange, int status, String body, String cookie) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/xml; charset=utf-8");
        if (cookie != null) {
            exchange.getResponseHeaders().add("Set-Cookie", cookie);
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
