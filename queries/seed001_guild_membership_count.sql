-- name: seed001_guild_membership_count
-- question: Seed 001: how many guild joins are there?
-- description: Seed 001's "select count(*) from guild_membership", with the column named: approved guild joins.
-- chart: table
-- x: joins   -- y: joins
select count(*) as joins from guild_membership
