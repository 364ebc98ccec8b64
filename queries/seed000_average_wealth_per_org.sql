-- name: seed000_average_wealth_per_org
-- question: Seed 000: what is the average wealth of players joining each organization?
-- description: Seed 000's query, unchanged: the mean wealth after every social event (joins approved and refused, and leaves) per org.
-- chart: bar
-- x: org   -- y: avg_wealth
select org, round(avg(player_wealth), 2) as avg_wealth from social group by org order by org
