-- name: seed000_most_popular_org
-- question: Seed 000: which team or guild is most popular?
-- description: Seed 000's query, with ties broken by event type and org: every social row (joins approved and refused, and leaves) per event type and org, most first.
-- chart: bar
-- x: org   -- y: num_joins
select event_type, org, count(org) as num_joins from social group by event_type, org order by num_joins desc, event_type, org
