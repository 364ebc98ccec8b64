-- name: seed001_purchases
-- question: Seed 001: every purchase (select * from purchases)
-- description: Seed 001's "select * from purchases" with its stable columns, ordered so that both engines list the rows alike. timestamp, occurred_at and raw_event are left out: the seed's routes do not answer with the time they recorded, and raw_event repeats the row as JSON.
-- chart: table
-- x: host   -- y: amount
select accept, host, user_agent, event_type, amount, player_id from purchases order by host, event_type, player_id, amount, accept, user_agent
