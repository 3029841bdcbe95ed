package io.latchkey.device;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Extra data a device's new status needs and the device lacks ("запрос доп.данных"): open from the step that
 * reached the status until its fields are filled. The responsible partner (or the operator) is told.
 *
 * @param status   the status that asks
 * @param fields   what is still missing, by field name ({@code country}, {@code serviceReason}, …); never empty
 * @param openedAt when the step opened it
 */
public record DataRequest(DeviceStatus status, List<String> fields, Instant openedAt) {

    public DataRequest {
        Objects.requireNonNull(status, "status");
        fields = List.copyOf(fields);
        Objects.requireNonNull(openedAt, "openedAt");
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("a data request asks for something");
        }
    }
}
