DROP TABLE petition_follows;
DROP TABLE signatures;
DROP TABLE petition_events;
DROP TABLE petitions;
