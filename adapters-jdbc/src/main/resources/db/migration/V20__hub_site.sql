-- Latchkey schema, version 20: a site's hubs, listed with their tiles.

CREATE INDEX hub_site ON hub (site_id, id);
