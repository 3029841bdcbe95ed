-- Latchkey schema, version 22: what each stage of a heat pump's life adds, its open data request, time taken
-- from the server; and the dealer that decides a pool order, for its inbox.

-- last_data_at and last_seen_at now hold when the server received; the pump's own time of its last data
-- orders its data reports.
ALTER TABLE device ADD COLUMN last_data_reported_at TIMESTAMP WITH TIME ZONE;
UPDATE device SET last_data_reported_at = last_data_at;
-- One "FIELD<tab>epochMicros<tab>setBy<tab>value" line per stage field, tabs, line breaks and backslashes in
-- setBy and value escaped as \t, \n and \\.
ALTER TABLE device ADD COLUMN stage_facts VARCHAR(8000) DEFAULT '' NOT NULL;
ALTER TABLE device ADD COLUMN data_request_status VARCHAR(16)
    CHECK (data_request_status IN ('CREATED', 'PRODUCED', 'RELEASED', 'SHIPPED', 'IN_OPERATION', 'IN_SERVICE',
                                   'DECOMMISSIONED'));
-- Field names, comma-separated.
ALTER TABLE device ADD COLUMN data_request_fields VARCHAR(200);
ALTER TABLE device ADD COLUMN data_request_opened_at TIMESTAMP WITH TIME ZONE;

ALTER TABLE pool_order ADD COLUMN dealer_id UUID REFERENCES organization (id);
UPDATE pool_order SET dealer_id = (SELECT o.parent_id FROM organization o WHERE o.id = pool_order.partner_id);
-- The dealer's inbox: its orders awaiting a decision, newest first.
CREATE INDEX pool_order_inbox ON pool_order (dealer_id, status, order_number);
