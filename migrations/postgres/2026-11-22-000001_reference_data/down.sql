DROP TABLE categories;
DROP TABLE arrondissements;
DROP TABLE communes;
