DROP INDEX issues_open_recent;
DROP INDEX issues_open_place;
