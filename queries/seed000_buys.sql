-- name: seed000_buys
-- question: Seed 000: every purchase's status, item type and cost
-- description: Seed 000's "select timestamp, status, type, cost from buys", ordered so that both engines list the rows alike. The timestamp column is left out: the seed's own routes do not answer with the time they recorded, so a client cannot check it.
-- chart: table
-- x: type   -- y: cost
select status, type, cost from buys order by status, type, cost
