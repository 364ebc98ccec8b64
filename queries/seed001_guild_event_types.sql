-- name: seed001_guild_event_types
-- question: Seed 001: which event types does guild_membership hold?
-- description: Seed 001's "select distinct(event_type) from guild_membership group by event_type", with the column named and ordered: join_guild once there is any approved guild join.
-- chart: table
-- x: event_type   -- y: event_type
select distinct(event_type) as event_type from guild_membership group by event_type order by event_type
