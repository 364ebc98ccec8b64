-- name: most_popular_org
-- question: Which guild or team is most popular?
-- description: For game designers. Approved joins per organisation, most joined first, with the number of different players who joined it and of refused joins (too expensive for the player). Ties are listed by kind and name.
-- chart: bar
-- x: org   -- y: joins
select org_kind, org,
       sum(case when status = 'approved_join' then 1 else 0 end) as joins,
       count(distinct case when status = 'approved_join' then player_id end) as players,
       sum(case when status = 'insufficient_funds' then 1 else 0 end) as refused
from social
where status in ('approved_join', 'insufficient_funds')
group by org_kind, org
order by joins desc, org_kind, org
