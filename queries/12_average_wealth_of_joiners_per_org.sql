-- name: average_wealth_of_joiners_per_org
-- question: What is the average wealth of players joining each organisation?
-- description: For game designers. Approved joins per organisation: the mean wealth of the joining player right before paying the join cost and right after. Organisations whose joiners are rich are the ones players aspire to.
-- chart: bar
-- x: org   -- y: avg_wealth_before
select org,
       count(*) as joins,
       round(avg(player_wealth + cost), 2) as avg_wealth_before,
       round(avg(player_wealth), 2) as avg_wealth_after
from social
where status = 'approved_join'
group by org
order by org
