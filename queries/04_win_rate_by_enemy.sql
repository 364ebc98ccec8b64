-- name: win_rate_by_enemy
-- question: How likely is a player to defeat each AI enemy?
-- description: For game designers. Every fight against an AI enemy: the number of fights, wins, the observed win rate and the mean win chance the game computed from the player's power (the prediction). An enemy whose win rate is near 0 is too tough for the average player; near 1, too easy.
-- chart: bar
-- x: enemy   -- y: win_rate
select enemy,
       count(*) as fights,
       sum(case when outcome = 'won' then 1 else 0 end) as wins,
       round(cast(sum(case when outcome = 'won' then 1 else 0 end) as double) / count(*), 3) as win_rate,
       round(avg(win_chance), 3) as mean_win_chance
from fights
group by enemy
order by enemy
