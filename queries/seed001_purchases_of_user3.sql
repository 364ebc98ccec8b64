-- name: seed001_purchases_of_user3
-- question: Seed 001: what did the player at user3.spectrum.com buy?
-- description: Seed 001's query, with ties broken by event type: approved purchases per event type for requests with Host user3.spectrum.com.
-- chart: bar
-- x: event_type   -- y: count
select event_type , count(*) as count from purchases where Host = 'user3.spectrum.com' group by event_type  order by count, event_type
