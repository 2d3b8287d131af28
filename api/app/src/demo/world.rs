//! The world the generator draws from: places weighted by population, languages, names,
//! residents and the staff of each commune.

use super::{DEMO_DOMAIN, DemoOptions, OFFICIALS_PER_COMMUNE, OfficialSeat, Staff, World, corpus};
use chrono::Duration;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use tawasol_persistence::demo::{DemoPlace, DemoUserInsertForm, NextIds};

impl World {
    pub(super) fn new(options: &DemoOptions, places: Vec<DemoPlace>, ids: NextIds) -> World {
        let end = options.until.and_hms_opt(0, 0, 0).unwrap_or_default();
        let start = end - Duration::days(3 * 365);
        let total: f64 = places.iter().map(|p| (p.population as f64).sqrt()).sum();
        let weights = places
            .iter()
            .map(|p| (p.population as f64).sqrt() / total)
            .collect();
        let n = places.len();
        World {
            rng: ChaCha8Rng::seed_from_u64(options.seed),
            options: options.clone(),
            places,
            weights,
            ids,
            start,
            end,
            residents: vec![Vec::new(); n],
            names: Vec::new(),
            first_resident: ids.user,
            officials: vec![Vec::new(); n],
            organisations: Vec::new(),
            recent: vec![Vec::new(); n],
            issues_made: 0,
        }
    }

    pub(super) fn pick_place(&mut self) -> usize {
        let mut u: f64 = self.rng.r#gen();
        for (i, w) in self.weights.iter().enumerate() {
            if u < *w {
                return i;
            }
            u -= w;
        }
        self.weights.len() - 1
    }

    /// A language as the commune's residents write: more Tamazight in Sefrou, more Arabic in
    /// Tan-Tan, more French in Tangier.
    pub(super) fn pick_language(&mut self, place: usize) -> &'static str {
        let (ar, fr) = match self.places[place].slug.as_str() {
            "tangier" => (0.55, 0.35),
            "sefrou" => (0.50, 0.22),
            _ => (0.72, 0.16),
        };
        let u: f64 = self.rng.r#gen();
        if u < ar {
            "ar"
        } else if u < ar + fr {
            "fr"
        } else {
            "zgh"
        }
    }

    pub(super) fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.rng.gen_range(0..items.len())]
    }

    fn person_name(&mut self, lang: &str) -> String {
        let (first_latin, first_arabic) = *self.pick(corpus::FIRST_NAMES);
        let (family_latin, family_arabic) = *self.pick(corpus::FAMILY_NAMES);
        if lang == "ar" {
            format!("{first_arabic} {family_arabic}")
        } else {
            format!("{first_latin} {family_latin}")
        }
    }

    pub(super) fn residents_of(&self, place: usize) -> &[i64] {
        if self.residents[place].is_empty() {
            // Few residents: every commune borrows from the first one that has any.
            self.residents
                .iter()
                .find(|r| !r.is_empty())
                .map_or(&[], Vec::as_slice)
        } else {
            &self.residents[place]
        }
    }

    pub(super) fn random_resident(&mut self, place: usize) -> i64 {
        let n = self.residents_of(place).len();
        let i = self.rng.gen_range(0..n);
        self.residents_of(place)[i]
    }

    pub(super) fn name_of(&self, user_id: i64) -> &str {
        usize::try_from(user_id - self.first_resident)
            .ok()
            .and_then(|i| self.names.get(i))
            .map_or("", String::as_str)
    }

    pub(super) fn resident(&mut self, password_hash: &str) -> DemoUserInsertForm {
        let id = self.ids.user;
        self.ids.user += 1;
        let number = id - self.first_resident + 1;
        let place = self.pick_place();
        let locale = self.pick_language(place);
        let name = self.person_name(locale);
        let joined = self.start
            + Duration::seconds(
                self.rng
                    .gen_range(0..(self.end - self.start).num_seconds().max(1)),
            );
        self.residents[place].push(id);
        self.names.push(name.clone());
        DemoUserInsertForm {
            id,
            email: Some(format!("resident-{number}@{DEMO_DOMAIN}")),
            password_hash: Some(password_hash.to_owned()),
            display_name: name,
            locale,
            home_commune_id: Some(self.places[place].id),
            email_verified_at: Some(joined),
            is_admin: false,
            created_at: joined,
            updated_at: joined,
        }
    }

    pub(super) fn staff(&mut self, password_hash: &str) -> Staff {
        let mut users = Vec::new();
        let mut officials = Vec::new();
        let mut moderators = Vec::new();
        let at = self.start;
        let mut account = |ids: &mut NextIds, email: String, name: String, locale, admin| {
            let id = ids.user;
            ids.user += 1;
            users.push(DemoUserInsertForm {
                id,
                email: Some(email),
                password_hash: Some(password_hash.to_owned()),
                display_name: name,
                locale,
                home_commune_id: None,
                email_verified_at: Some(at),
                is_admin: admin,
                created_at: at,
                updated_at: at,
            });
            id
        };
        let titles = [
            "Chef du service technique",
            "Vice-président chargé de l'environnement",
            "Directeur des services communaux",
        ];
        for (i, place) in self.places.iter().enumerate() {
            let seats = OFFICIALS_PER_COMMUNE.min(place.categories.len());
            let mut seat_ids = Vec::new();
            for k in 0..seats {
                let name = format!(
                    "{} {}",
                    corpus::FIRST_NAMES[(i * 5 + k * 11) % corpus::FIRST_NAMES.len()].0,
                    corpus::FAMILY_NAMES[(i * 3 + k * 5) % corpus::FAMILY_NAMES.len()].0
                );
                let id = account(
                    &mut self.ids,
                    format!("official-{}-{}@{DEMO_DOMAIN}", place.slug, k + 1),
                    name,
                    "fr",
                    false,
                );
                seat_ids.push(id);
                officials.push(OfficialSeat {
                    user_id: id,
                    commune_id: place.id,
                    category_ids: place
                        .categories
                        .iter()
                        .enumerate()
                        .filter(|(c, _)| c % seats == k)
                        .map(|(_, (cat, ..))| *cat)
                        .collect(),
                    title: titles[k % titles.len()].to_owned(),
                });
            }
            self.officials[i] = (0..place.categories.len())
                .map(|c| {
                    (
                        seat_ids[c % seats],
                        titles[(c % seats) % titles.len()].to_owned(),
                    )
                })
                .collect();
            let moderator = account(
                &mut self.ids,
                format!("moderator-{}@{DEMO_DOMAIN}", place.slug),
                format!("Modération {}", place.slug),
                "ar",
                false,
            );
            moderators.push((moderator, place.id));
        }
        account(
            &mut self.ids,
            format!("admin@{DEMO_DOMAIN}"),
            "Administration Tawasol".to_owned(),
            "fr",
            true,
        );
        Staff {
            users,
            officials,
            moderators,
        }
    }

    pub(super) fn pick_category(&mut self, place: usize) -> usize {
        let weight = |code: &str| match code {
            "roads_sidewalks" | "waste_cleanliness" => 18,
            "public_lighting" => 16,
            "sanitation_drainage" => 10,
            "traffic_transport" => 9,
            "green_spaces" => 7,
            "stray_animals_hygiene" => 6,
            "markets_street_trading" => 5,
            "public_buildings_sports" | "other" => 4,
            _ => 3,
        };
        let weights: Vec<u32> = self.places[place]
            .categories
            .iter()
            .map(|(_, code, _)| weight(code))
            .collect();
        let mut u = self.rng.gen_range(0..weights.iter().sum::<u32>());
        for (i, w) in weights.iter().enumerate() {
            if u < *w {
                return i;
            }
            u -= w;
        }
        0
    }
}
