package io.latchkey.lanbilling;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * SOAP 1.1 calls to LANBilling's api3 (document/literal, namespace {@code urn:api3}, empty SOAPAction) over the
 * JDK's HTTP client, in a session: {@code Login} sets the cookie {@code sessnum} every later call sends; a call
 * answered "Client not authorized" logs in again once and is repeated.
 *
 * <p>Thread-safe.
 */
final class SoapClient {

    private static final String ENVELOPE = "http://schemas.xmlsoap.org/soap/envelope/";

    private final HttpClient http;
    private final URI endpoint;
    private final String login;
    private final String password;
    private final Duration requestTimeout;
    private volatile String session;

    SoapClient(URI endpoint, String login, String password, Duration connectTimeout, Duration requestTimeout) {
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
        this.endpoint = endpoint;
        this.login = login;
        this.password = password;
        this.requestTimeout = requestTimeout;
    }

    /** The response element ({@code <operation>Response}) of a call in the session, logging in first if needed. */
    Element call(String operation, Xml.Out... fields) {
        String used = session != null ? session : logIn(null);
        try {
            return post(operation, used, fields).body;
        } catch (LanBillingException e) {
            if (e.kind() != LanBillingException.Kind.NOT_AUTHORIZED) {
                throw e;
            }
            return post(operation, logIn(used), fields).body;
        }
    }

    /** Ends the session, if there is one; the billing's answer does not matter. */
    void logOut() {
        String ended = session;
        session = null;
        if (ended != null) {
            try {
                post("Logout", ended);
            } catch (LanBillingException ignored) {
                // A session the billing has already forgotten ends all the same.
            }
        }
    }

    /** Logs in unless another thread already replaced the session {@code stale}; returns the session. */
    private synchronized String logIn(String stale) {
        if (session != null && !session.equals(stale)) {
            return session;
        }
        Answer answer = post("Login", null, Xml.Out.of("login", login), Xml.Out.of("pass", password));
        session = answer.cookie.orElseThrow(() -> new LanBillingException(LanBillingException.Kind.MALFORMED,
                "Login set no sessnum cookie"));
        return session;
    }

    private record Answer(Element body, Optional<String> cookie) {
    }

    private Answer post(String operation, String sessnum, Xml.Out... fields) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<soapenv:Envelope xmlns:soapenv=\"" + ENVELOPE + "\" xmlns:urn=\"urn:api3\"><soapenv:Body>");
        new Xml.Out("urn:" + operation, null, List.of(fields)).write(xml);
        xml.append("</soapenv:Body></soapenv:Envelope>");
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(requestTimeout)
                .header("Content-Type", "text/xml; charset=utf-8").header("SOAPAction", "\"\"")
                .POST(HttpRequest.BodyPublishers.ofString(xml.toString(), StandardCharsets.UTF_8));
        if (sessnum != null) {
            request.header("Cookie", "sessnum=" + sessnum);
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new LanBillingException(LanBillingException.Kind.UNREACHABLE, operation + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LanBillingException(LanBillingException.Kind.UNREACHABLE, operation + ": interrupted");
        }
        if (response.statusCode() != 200 && response.statusCode() != 500) {
            throw new LanBillingException(LanBillingException.Kind.UNREACHABLE, operation + ": HTTP "
                    + response.statusCode());
        }
        Element envelope = Xml.parse(response.body());
        Element body = Xml.child(envelope, "Body").orElseThrow(() -> new LanBillingException(
                LanBillingException.Kind.MALFORMED, operation + ": no SOAP body"));
        Optional<Element> fault = Xml.child(body, "Fault");
        if (fault.isPresent()) {
            String text = Xml.text(fault.get(), "faultstring").orElse("");
            String lower = text.toLowerCase(Locale.ROOT);
            throw new LanBillingException(lower.contains("not authorized") ? LanBillingException.Kind.NOT_AUTHORIZED
                    : lower.contains("period lock") ? LanBillingException.Kind.PERIOD_LOCK
                    : LanBillingException.Kind.FAULT, operation + ": " + text);
        }
        Element answer = Xml.child(body, operation + "Response").orElseThrow(() -> new LanBillingException(
                LanBillingException.Kind.MALFORMED, operation + ": no " + operation + "Response"));
        Optional<String> cookie = response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("sessnum=")).map(c -> c.substring("sessnum=".length()).split(";")[0])
                .findFirst();
        return new Answer(answer, cookie);
    }
}
