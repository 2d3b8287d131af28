//! Issues and everything that belongs to them: the report, official answers, status histories,
//! residents' replies, supports and follows.

use super::{IssueBatch, World, corpus, fill, lang_index, seconds};
use chrono::Duration;
use rand::Rng;
use rand_chacha::ChaCha8Rng;
use tawasol_domain::issue::Visibility;
use tawasol_domain::search::index_terms;
use tawasol_persistence::demo::{
    DemoFollowInsertForm, DemoIssueInsertForm, DemoReplyInsertForm, DemoStatusChangeInsertForm,
    DemoSupportInsertForm,
};

impl World {
    /// `n` more issues, in the order they were reported.
    pub(super) fn issues(&mut self, n: u64) -> IssueBatch {
        let mut batch = IssueBatch::default();
        for _ in 0..n {
            self.issue(&mut batch);
        }
        batch
    }

    fn issue(&mut self, batch: &mut IssueBatch) {
        let id = self.ids.issue;
        self.ids.issue += 1;
        let total = self.options.issues.max(1) as f64;
        // Denser towards the end: the platform grows.
        let position = ((self.issues_made as f64 + self.rng.r#gen::<f64>()) / total).sqrt();
        self.issues_made += 1;
        let span = (self.end - self.start).num_seconds() as f64;
        let created = self.start + Duration::seconds((span * position.min(1.0)) as i64 - 1);
        let place = self.pick_place();
        let category = self.pick_category(place);
        let (category_id, code, target_days) = self.places[place].categories[category].clone();
        let lang = self.pick_language(place);
        let li = lang_index(lang);
        let street = *self.pick(corpus::places(&self.places[place].slug));
        let number = self.rng.gen_range(2..9);
        let title = fill(self.pick(corpus::titles(&code))[li], street[li], number, "");
        let mut description = fill(
            self.pick(corpus::openings(&code))[li],
            street[li],
            number,
            "",
        );
        for _ in 0..self.rng.gen_range(1..3) {
            description.push(' ');
            description.push_str(&fill(self.pick(corpus::DETAILS)[li], "", number, ""));
        }
        let search_text = index_terms(&format!("{title} {description}"));
        let author = self.random_resident(place);
        let (s, w, nth, e) = self.places[place].bbox;
        let (clat, clon) = self.places[place].centre;
        let located = self.rng.gen_bool(0.85);
        let lat = located
            .then(|| (clat + (self.rng.r#gen::<f64>() - 0.5) * (nth - s) * 0.6).clamp(s, nth));
        let lon =
            located.then(|| (clon + (self.rng.r#gen::<f64>() - 0.5) * (e - w) * 0.6).clamp(w, e));
        let address = self
            .rng
            .gen_bool(0.6)
            .then(|| format!("{} {}", self.rng.gen_range(1..200), street[1]));
        let arrondissement_id = {
            let a = &self.places[place].arrondissement_ids;
            (!a.is_empty()).then(|| a[self.rng.gen_range(0..a.len())])
        };
        let visibility = match self.rng.gen_range(0..1000) {
            0..=4 => Visibility::Hidden,
            5..=7 => Visibility::Pending,
            _ => Visibility::Public,
        }
        .as_str();

        // How far it went: the older, the more likely closed.
        let age = self.end - created;
        let age_days = age.num_seconds() as f64 / 86_400.0;
        let closed_share = 0.78 * (1.0 - (-age_days / 30.0).exp());
        let u: f64 = self.rng.r#gen();
        let path: &[&'static str] = if age_days < 1.0 {
            if u < 0.2 { &["acknowledged"] } else { &[] }
        } else if u < closed_share {
            match self.rng.gen_range(0..100) {
                0..=44 => &["acknowledged", "in_progress", "resolved"],
                45..=74 => &["resolved"],
                75..=84 => &["not_responsible"],
                85..=92 => &["rejected"],
                _ => &["duplicate"],
            }
        } else {
            match self.rng.gen_range(0..100) {
                0..=39 => &[],
                40..=64 => &["acknowledged"],
                65..=89 => &["acknowledged", "in_progress"],
                _ => &["acknowledged", "planned"],
            }
        };
        let duplicate_of = (path == ["duplicate"])
            .then(|| self.recent[place].last().copied())
            .flatten();
        let path: &[&'static str] = if path == ["duplicate"] && duplicate_of.is_none() {
            &["rejected"]
        } else {
            path
        };

        // When each step happened: the first answer around the category's target, the next
        // ones days apart; all squeezed into the issue's age.
        let mut offsets = Vec::with_capacity(path.len());
        let mut t = 0.0;
        for (k, _) in path.iter().enumerate() {
            let mean_days = if k == 0 {
                f64::from(target_days) * 0.7
            } else {
                6.0
            };
            t += -mean_days * (1.0 - self.rng.r#gen::<f64>()).ln() + 0.05;
            offsets.push(t);
        }
        let room = (age_days * 0.95).max(0.0);
        if t > room && t > 0.0 {
            for o in &mut offsets {
                *o *= room / t;
            }
        }
        let at = |days: f64| created + Duration::seconds((days * 86_400.0) as i64);
        let (official, official_title) = self.officials[place][category].clone();
        let department = match lang {
            "fr" => "le service",
            "zgh" => "ⵜⴰⵏⴱⴰⴹⵜ",
            _ => "المصلحة",
        };
        let mut issue_updated = created;
        let mut first_answer = None;
        let mut replies = Vec::new();
        if let Some(first) = offsets.first() {
            let when = at(*first);
            first_answer = Some(when);
            replies.push(DemoReplyInsertForm {
                id: 0,
                issue_id: id,
                author_id: official,
                body: fill(self.pick(corpus::OFFICIAL_ANSWERS)[li], "", 0, department),
                is_official: true,
                official_title: Some(official_title),
                visibility: Visibility::Public.as_str(),
                created_at: when,
                edited_at: None,
            });
        }
        let mut from = "submitted";
        let mut expected_on = None;
        let mut responsible_body = None;
        let mut resolved_at = None;
        for (to, offset) in path.iter().copied().zip(&offsets) {
            let when = at(*offset);
            let (exp, body) = match to {
                "planned" => (
                    Some(when.date() + Duration::days(self.rng.gen_range(7..90))),
                    None,
                ),
                "not_responsible" => (
                    None,
                    Some((*self.pick(corpus::RESPONSIBLE_BODIES)).to_owned()),
                ),
                _ => (None, None),
            };
            expected_on = exp;
            responsible_body.clone_from(&body);
            if to == "resolved" {
                resolved_at = Some(when);
            }
            batch.changes.push(DemoStatusChangeInsertForm {
                id: self.ids.status_change,
                issue_id: id,
                actor_id: official,
                from_status: from,
                to_status: to,
                note: corpus::status_note(to)[li].to_owned(),
                expected_on: exp,
                responsible_body: body,
                duplicate_of: (to == "duplicate").then_some(duplicate_of).flatten(),
                created_at: when,
            });
            self.ids.status_change += 1;
            issue_updated = issue_updated.max(when);
            from = to;
        }

        // Residents' replies, between the report and the end.
        let max_replies = self.options.replies_per_issue * 2;
        let mut wanted = self.rng.gen_range(0..=max_replies) as usize;
        if first_answer.is_some() {
            wanted = wanted.saturating_sub(1);
        }
        let window = (age_days * 0.98).max(0.0);
        for _ in 0..wanted {
            let when = at(self.rng.r#gen::<f64>() * window);
            let reply_lang = if self.rng.gen_bool(0.8) {
                li
            } else {
                self.rng.gen_range(0..3)
            };
            replies.push(DemoReplyInsertForm {
                id: 0,
                issue_id: id,
                author_id: self.random_resident(place),
                body: self.pick(corpus::RESIDENT_REPLIES)[reply_lang].to_owned(),
                is_official: false,
                official_title: None,
                visibility: if self.rng.gen_range(0..100) == 0 {
                    Visibility::Hidden
                } else {
                    Visibility::Public
                }
                .as_str(),
                created_at: when,
                edited_at: None,
            });
        }
        replies.sort_by_key(|r| r.created_at);
        let mut reply_count = 0;
        for mut r in replies {
            r.id = self.ids.reply;
            self.ids.reply += 1;
            if r.visibility == Visibility::Public.as_str() {
                reply_count += 1;
                issue_updated = issue_updated.max(r.created_at);
            }
            batch.replies.push(r);
        }

        // Supports and follows by distinct residents.
        let pool = self.residents_of(place).len();
        let supporters = if self.rng.gen_bool(0.4) {
            0
        } else {
            self.rng.gen_range(1..=8).min(pool.saturating_sub(1))
        };
        let mut people = vec![author];
        let mut guard = 0;
        while people.len() < supporters + 1 && guard < 50 {
            let p = self.random_resident(place);
            if !people.contains(&p) {
                people.push(p);
            }
            guard += 1;
        }
        let support_at = |rng: &mut ChaCha8Rng| at(rng.r#gen::<f64>() * window);
        for p in &people[1..] {
            let when = support_at(&mut self.rng);
            batch.supports.push(DemoSupportInsertForm {
                issue_id: id,
                user_id: *p,
                created_at: when,
            });
        }
        batch.follows.push(DemoFollowInsertForm {
            issue_id: id,
            user_id: author,
            created_at: created,
        });
        for p in people.iter().skip(1).take(2) {
            if self.rng.gen_bool(0.5) {
                let when = support_at(&mut self.rng);
                batch.follows.push(DemoFollowInsertForm {
                    issue_id: id,
                    user_id: *p,
                    created_at: when,
                });
            }
        }
        let follower_count = batch
            .follows
            .iter()
            .rev()
            .take_while(|f| f.issue_id == id)
            .count();

        let recent = &mut self.recent[place];
        recent.push(id);
        if recent.len() > 64 {
            recent.remove(0);
        }
        batch.issues.push(DemoIssueInsertForm {
            id,
            commune_id: self.places[place].id,
            category_id,
            arrondissement_id,
            author_id: author,
            title,
            description,
            language: lang,
            lat,
            lon,
            address,
            status: from,
            visibility,
            expected_on,
            responsible_body,
            duplicate_of,
            support_count: i32::try_from(people.len() - 1).unwrap_or(0),
            reply_count,
            follower_count: i32::try_from(follower_count).unwrap_or(1),
            first_official_answer_at: first_answer,
            first_answer_by: first_answer.map(|_| official),
            first_answer_seconds: first_answer.map(|a| seconds(a - created)),
            resolved_at,
            resolution_seconds: resolved_at.map(|r| seconds(r - created)),
            search_text,
            created_at: created,
            updated_at: issue_updated,
        });
    }
}
