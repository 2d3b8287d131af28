-- Communes, their arrondissements and service categories (SQLite).
-- Keep equivalent to migrations/postgres/2026-11-22-000001_reference_data/up.sql: a test compares them.

CREATE TABLE communes (
    id INTEGER PRIMARY KEY NOT NULL,
    slug TEXT NOT NULL UNIQUE CHECK (slug NOT GLOB '*[^a-z0-9-]*' AND slug NOT GLOB '-*' AND slug NOT GLOB '*-'
                                     AND slug NOT GLOB '*--*' AND length(slug) BETWEEN 2 AND 63),
    name_ar TEXT NOT NULL CHECK (length(trim(name_ar)) > 0),
    name_fr TEXT NOT NULL CHECK (length(trim(name_fr)) > 0),
    name_zgh TEXT NOT NULL CHECK (length(trim(name_zgh)) > 0),
    population BIGINT NOT NULL CHECK (population > 0),
    census_year INTEGER NOT NULL CHECK (census_year BETWEEN 1900 AND 2100),
    petition_threshold INTEGER NOT NULL CHECK (petition_threshold > 0),
    centre_lat DOUBLE NOT NULL,
    centre_lon DOUBLE NOT NULL,
    bbox_south DOUBLE NOT NULL,
    bbox_west DOUBLE NOT NULL,
    bbox_north DOUBLE NOT NULL,
    bbox_east DOUBLE NOT NULL,
    time_zone TEXT NOT NULL DEFAULT 'Africa/Casablanca',
    created_at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now')),
    updated_at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now')),
    CHECK (bbox_south < bbox_north AND bbox_west < bbox_east),
    CHECK (centre_lat BETWEEN bbox_south AND bbox_north AND centre_lon BETWEEN bbox_west AND bbox_east)
);

CREATE TABLE arrondissements (
    id INTEGER PRIMARY KEY NOT NULL,
    commune_id BIGINT NOT NULL REFERENCES communes (id) ON DELETE CASCADE,
    slug TEXT NOT NULL CHECK (slug NOT GLOB '*[^a-z0-9-]*' AND slug NOT GLOB '-*' AND slug NOT GLOB '*-'
                              AND slug NOT GLOB '*--*' AND length(slug) BETWEEN 2 AND 63),
    name_ar TEXT NOT NULL CHECK (length(trim(name_ar)) > 0),
    name_fr TEXT NOT NULL CHECK (length(trim(name_fr)) > 0),
    name_zgh TEXT NOT NULL CHECK (length(trim(name_zgh)) > 0),
    position INTEGER NOT NULL DEFAULT 0,
    UNIQUE (commune_id, slug)
);

CREATE TABLE categories (
    id INTEGER PRIMARY KEY NOT NULL,
    commune_id BIGINT NOT NULL REFERENCES communes (id) ON DELETE CASCADE,
    code TEXT NOT NULL CHECK (code NOT GLOB '*[^a-z0-9_]*' AND code GLOB '[a-z]*' AND length(code) BETWEEN 2 AND 40),
    position INTEGER NOT NULL DEFAULT 0,
    name_ar TEXT NOT NULL CHECK (length(trim(name_ar)) > 0),
    name_fr TEXT NOT NULL CHECK (length(trim(name_fr)) > 0),
    name_zgh TEXT NOT NULL CHECK (length(trim(name_zgh)) > 0),
    department_ar TEXT NOT NULL CHECK (length(trim(department_ar)) > 0),
    department_fr TEXT NOT NULL CHECK (length(trim(department_fr)) > 0),
    department_zgh TEXT NOT NULL CHECK (length(trim(department_zgh)) > 0),
    answer_target_days INTEGER NOT NULL DEFAULT 7 CHECK (answer_target_days BETWEEN 1 AND 365),
    created_at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now')),
    updated_at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now')),
    UNIQUE (commune_id, code)
);

-- Reference data: the three pilot communes (../shared/context/morocco.md). Populations and the
-- petition thresholds derived from them are data that admins may edit later. Tifinagh names
-- and labels await review by a native speaker (docs/translations.md).
INSERT INTO communes (slug, name_ar, name_fr, name_zgh, population, census_year, petition_threshold,
                      centre_lat, centre_lon, bbox_south, bbox_west, bbox_north, bbox_east, time_zone)
VALUES
  ('tan-tan', 'طانطان', 'Tan-Tan', 'ⵟⴰⵏⵟⴰⵏ', 73209, 2014, 200,
   28.4294, -11.0981, 28.38, -11.16, 28.48, -11.03, 'Africa/Casablanca'),
  ('tangier', 'طنجة', 'Tanger', 'ⵟⴰⵏⵊⴰ', 1275428, 2024, 400,
   35.7767, -5.8039, 35.68, -5.96, 35.83, -5.70, 'Africa/Casablanca'),
  ('sefrou', 'صفرو', 'Sefrou', 'ⵚⴼⵕⵓ', 86903, 2024, 200,
   33.8294, -4.8395, 33.79, -4.89, 33.87, -4.80, 'Africa/Casablanca');

INSERT INTO arrondissements (commune_id, slug, name_ar, name_fr, name_zgh, position)
SELECT c.id, a.slug, a.name_ar, a.name_fr, a.name_zgh, a.position
FROM communes c
CROSS JOIN (
  SELECT 'tanger-medina' AS slug, 'طنجة المدينة' AS name_ar, 'Tanger-Médina' AS name_fr, 'ⵟⴰⵏⵊⴰ ⵜⴰⵎⴷⵉⵏⵜ' AS name_zgh, 1 AS position
  UNION ALL SELECT 'bni-makada', 'بني مكادة', 'Bni Makada', 'ⴱⵏⵉ ⵎⴽⴰⴷⴰ', 2
  UNION ALL SELECT 'charf-mghogha', 'الشرف مغوغة', 'Charf-Mghogha', 'ⵛⵛⵕⴼ ⵎⵖⵓⵖⴰ', 3
  UNION ALL SELECT 'charf-souani', 'الشرف السواني', 'Charf-Souani', 'ⵛⵛⵕⴼ ⵙⵙⵡⴰⵏⵉ', 4
) a
WHERE c.slug = 'tangier';

-- The same eleven categories in every commune; each commune may later rename a department or
-- change a target.
INSERT INTO categories (commune_id, code, position, name_ar, name_fr, name_zgh,
                        department_ar, department_fr, department_zgh, answer_target_days)
SELECT c.id, k.code, k.position, k.name_ar, k.name_fr, k.name_zgh,
       k.department_ar, k.department_fr, k.department_zgh, 7
FROM communes c
CROSS JOIN (
  SELECT 'roads_sidewalks' AS code, 1 AS position,
         'الطرق والأرصفة' AS name_ar, 'Voirie et trottoirs' AS name_fr, 'ⵉⴱⵔⴷⴰⵏ ⴷ ⵉⴱⵔⴷⴰⵏ ⵏ ⵉⴹⴰⵔⵏ' AS name_zgh,
         'مصلحة الطرق والشبكات' AS department_ar, 'Service de la voirie et des réseaux' AS department_fr,
         'ⵜⴰⵏⴱⴰⴹⵜ ⵏ ⵉⴱⵔⴷⴰⵏ' AS department_zgh
  UNION ALL SELECT 'public_lighting', 2,
         'الإنارة العمومية', 'Éclairage public', 'ⵜⴰⴼⴰⵡⵜ ⵜⴰⴳⴷⵓⴷⴰⵏⵜ',
         'مصلحة الإنارة العمومية', 'Service de l''éclairage public', 'ⵜⴰⵏⴱⴰⴹⵜ ⵏ ⵜⴼⴰⵡⵜ ⵜⴰⴳⴷⵓⴷⴰⵏⵜ'
  UNION ALL SELECT 'waste_cleanliness', 3,
         'النفايات والنظافة', 'Déchets et propreté', 'ⵉⵣⴱⴰⵍⵏ ⴷ ⵜⵣⴷⴳⵉ',
         'مصلحة النظافة وتدبير النفايات', 'Service de la propreté et de la gestion des déchets', 'ⵜⴰⵏⴱⴰⴹⵜ ⵏ ⵜⵣⴷⴳⵉ'
  UNION ALL SELECT 'sanitation_drainage', 4,
         'التطهير وتصريف المياه', 'Assainissement et évacuation des eaux', 'ⴰⵙⵙⵉⵣⴷⴳ ⴷ ⵓⵙⵙⵓⴼⵖ ⵏ ⵡⴰⵎⴰⵏ',
         'مصلحة التطهير السائل', 'Service de l''assainissement liquide', 'ⵜⴰⵏⴱⴰⴹⵜ ⵏ ⵓⵙⵙⵉⵣⴷⴳ'
  UNION ALL SELECT 'green_spaces', 5,
         'المساحات الخضراء والحدائق', 'Espaces verts et parcs', 'ⵉⴷⵖⴰⵔⵏ ⵉⵣⴳⵣⴰⵡⵏ ⴷ ⵉⵔⵜⴰⵏ',
         'مصلحة المساحات الخضراء', 'Service des espaces verts', 'ⵜⴰⵏⴱⴰⴹⵜ ⵏ ⵉⴷⵖⴰⵔⵏ ⵉⵣⴳⵣⴰⵡⵏ'
  UNION ALL SELECT 'traffic_transport', 6,
         'السير والنقل العمومي', 'Circulation et transports publics', 'ⴰⵙⵉⴽⵍ ⴷ ⵓⵎⵓⵙⵙⵓ ⴰⴳⴷⵓⴷⴰⵏ',
         'مصلحة السير والجولان والنقل', 'Service de la circulation et des transports', 'ⵜⴰⵏⴱⴰⴹⵜ ⵏ ⵓⵙⵉⴽⵍ ⴷ ⵓⵎⵓⵙⵙⵓ'
  UNION ALL SELECT 'markets_street_trading', 7,
         'الأسواق والباعة المتجولون', 'Marchés et commerce ambulant', 'ⵉⵙⵡⴰⵇ ⴷ ⵜⵙⵏⵣⵉⵜ ⴳ ⵉⴱⵔⴷⴰⵏ',
         'مصلحة الأسواق والملك العمومي', 'Service des marchés et du domaine public', 'ⵜⴰⵏⴱⴰⴹⵜ ⵏ ⵉⵙⵡⴰⵇ'
  UNION ALL SELECT 'stray_animals_hygiene', 8,
         'الحيوانات الضالة وحفظ الصحة', 'Animaux errants et hygiène', 'ⵉⵎⵓⴷⴰⵔ ⴱⵍⴰ ⴱⴰⴱ ⴷ ⵜⴷⵓⵙⵉ',
         'المكتب الجماعي لحفظ الصحة', 'Bureau communal d''hygiène', 'ⵜⴰⵏⴱⴰⴹⵜ ⵏ ⵜⵣⴷⴳⵉ ⴷ ⵜⴷⵓⵙⵉ'
  UNION ALL SELECT 'public_buildings_sports', 9,
         'المرافق العمومية والمنشآت الرياضية', 'Bâtiments publics et équipements sportifs', 'ⵜⵉⴳⵎⵎⵉ ⵜⵉⴳⴷⵓⴷⴰⵏⵉⵏ ⴷ ⵉⵏⵏⵓⵔⴰⵔ',
         'مصلحة الممتلكات والتجهيزات الرياضية', 'Service du patrimoine et des équipements sportifs', 'ⵜⴰⵏⴱⴰⴹⵜ ⵏ ⵜⴳⵎⵎⵉ ⵜⵉⴳⴷⵓⴷⴰⵏⵉⵏ'
  UNION ALL SELECT 'accessibility', 10,
         'الولوجيات للأشخاص محدودي الحركة', 'Accessibilité pour les personnes à mobilité réduite', 'ⴰⴽⵛⵛⵓⵎ ⵉ ⵉⵎⴷⴷⵓⴽⴰⵍ ⵙ ⵓⵎⵓⵙⵙⵓ ⵉⵎⵥⵥⵉⵏ',
         'مصلحة الشؤون الاجتماعية', 'Service des affaires sociales', 'ⵜⴰⵏⴱⴰⴹⵜ ⵏ ⵜⵖⴰⵡⵙⵉⵡⵉⵏ ⵜⵉⵏⴰⵎⵓⵏⵉⵏ'
  UNION ALL SELECT 'other', 11,
         'أخرى', 'Autre', 'ⵢⴰⴹⵏ',
         'مكتب الضبط والعلاقات مع المواطنين', 'Bureau d''ordre et des relations avec les citoyens', 'ⵜⴰⵏⴱⴰⴹⵜ ⵏ ⵜⵣⴷⴰⵢⵉⵏ ⴷ ⵉⵖⵔⵎⴰⵏⵏ'
) k;
