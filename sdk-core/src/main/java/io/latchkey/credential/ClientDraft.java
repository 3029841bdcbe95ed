package io.latchkey.credential;

/**
 * What a partner types to create or edit a client, as received: checked by the service.
 *
 * @param email       required, a valid address
 * @param fullName    required ("имя клиента, часовой пояс и язык. Эти поля обязательны"), up to 200 characters
 * @param timezone    required, an IANA id such as {@code Europe/Moscow}
 * @param language    required: {@code ru}, {@code en} or {@code pl}
 * @param description optional, up to 1000 characters
 */
public record ClientDraft(String email, String fullName, String timezone, String language, String description) {
}
