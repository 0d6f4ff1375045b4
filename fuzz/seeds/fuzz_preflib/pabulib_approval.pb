úMETA
key;value
description;"a; quoted ""d"""
num_projects;3
num_votes;4
budget;250.5
vote_type;approval
PROJECTS
project_id;cost;name
p1;100;"Park; benches"
p2;150;Library
p3;90;Lights
VOTES
voter_id;vote;age
v1;p1,p2;30
v2;p2;41
v3;p2,p3;none
v4;;22
