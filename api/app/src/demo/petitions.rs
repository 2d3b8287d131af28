//! Petitions at every step of Organic Law 113-14, their timelines, follows and encrypted
//! signatures.

use super::{PetitionSet, World, corpus, lang_index};
use crate::vault::Vault;
use chrono::Duration;
use rand::Rng;
use serde_json::json;
use tawasol_domain::petition::{Cin, SessionMonths, refusal_deadline};
use tawasol_persistence::demo::{
    DemoPetitionEventInsertForm, DemoPetitionFollowInsertForm, DemoPetitionInsertForm,
    DemoSignatureInsertForm,
};

impl World {
    /// Petitions at every step, then the signatures: first what the citizens' petitions past
    /// collection needed to reach their threshold, the rest on those still collecting.
    pub(super) fn petitions(&mut self, vault: &Vault) -> PetitionSet {
        use tawasol_domain::petition::PetitionStatus as S;
        let mut set = PetitionSet::default();
        let residents_total = self.names.len() as u64;
        let mut budget = self.options.signatures;
        let steps = S::ALL;
        let mut plans = Vec::new();
        for i in 0..self.options.petitions {
            let status = if (i as usize) < steps.len() {
                steps[i as usize]
            } else {
                match self.rng.gen_range(0..100) {
                    0..=9 => S::Draft,
                    10..=44 => S::Collecting,
                    45..=51 => S::Ready,
                    52..=61 => S::Filed,
                    62..=68 => S::Admissible,
                    69..=74 => S::Inadmissible,
                    75..=80 => S::OnAgenda,
                    81..=91 => S::Decided,
                    _ => S::Withdrawn,
                }
            };
            let place = self.pick_place();
            let threshold = u64::try_from(self.places[place].petition_threshold).unwrap_or(1);
            let past_collection = !matches!(status, S::Draft | S::Collecting | S::Withdrawn);
            let wants_association = self.rng.gen_bool(0.2);
            let citizens_can = threshold <= budget && threshold <= residents_total;
            let association = wants_association || (past_collection && !citizens_can);
            let signed = if association || !past_collection {
                0
            } else {
                budget -= threshold;
                threshold
            };
            plans.push((status, place, association, signed, threshold));
        }
        // What is left goes to the petitions still collecting, below their threshold.
        let collecting: Vec<usize> = plans
            .iter()
            .enumerate()
            .filter(|(_, p)| p.0 == S::Collecting && !p.2)
            .map(|(i, _)| i)
            .collect();
        for (k, i) in collecting.iter().enumerate() {
            let left = collecting.len() - k;
            let cap = plans[*i].4.saturating_sub(1).min(residents_total);
            let share = (budget / left as u64).min(cap);
            let n = if share == 0 {
                0
            } else {
                self.rng.gen_range(share / 2..=share)
            };
            plans[*i].3 = n;
            budget -= n;
        }

        let sessions = SessionMonths::default();
        for (status, place, association, signed, threshold) in plans {
            let id = self.ids.petition;
            self.ids.petition += 1;
            let lang = self.pick_language(place);
            let li = lang_index(lang);
            let text = *self.pick(corpus::PETITIONS);
            let (organisation, agent) = if association {
                (
                    Some(self.organisations[place % self.organisations.len()].0),
                    self.organisations[place % self.organisations.len()].1,
                )
            } else {
                (None, self.random_resident(place))
            };
            let span = (self.end - self.start).num_days().max(400);
            let created = self.start
                + Duration::days(self.rng.gen_range(span / 3..span - 200))
                + Duration::seconds(self.rng.gen_range(0..86_400));
            let mut events = vec![(None::<i64>, "", S::Draft, json!({}), created)];
            let official = self.officials[place][0].0;
            let chain: &[S] = match (status, association) {
                (S::Draft, _) => &[],
                (S::Collecting, _) => &[S::Collecting],
                (S::Withdrawn, _) => &[S::Collecting, S::Withdrawn],
                (_, false) => &[
                    S::Collecting,
                    S::Ready,
                    S::Filed,
                    S::Admissible,
                    S::OnAgenda,
                    S::Decided,
                ],
                (_, true) => &[S::Ready, S::Filed, S::Admissible, S::OnAgenda, S::Decided],
            };
            let chain: Vec<S> = match status {
                S::Inadmissible => chain
                    .iter()
                    .copied()
                    .take_while(|s| *s != S::Admissible)
                    .chain([S::Inadmissible])
                    .collect(),
                S::Withdrawn | S::Draft | S::Collecting => chain.to_vec(),
                _ => {
                    let end = chain
                        .iter()
                        .position(|s| *s == status)
                        .map_or(chain.len(), |p| p + 1);
                    chain[..end].to_vec()
                }
            };
            let mut when = created;
            let mut from = S::Draft;
            let mut filed_on = None;
            let mut next_session_on = None;
            let mut session_date = None;
            let mut committee = None;
            let mut outcome = None;
            let mut receipt = None;
            let mut published = None;
            let mut ready = None;
            for to in chain {
                when += Duration::days(self.rng.gen_range(3..40));
                let day = when.date();
                let (actor, details) = match to {
                    S::Collecting => (Some(agent), json!({})),
                    S::Ready if !association => (
                        None,
                        json!({"signatures": threshold, "threshold": threshold}),
                    ),
                    S::Ready => (Some(agent), json!({})),
                    S::Filed => {
                        let r = format!("BO-{}-{:05}", day.format("%Y"), id);
                        receipt = Some(r.clone());
                        filed_on = Some(day);
                        (
                            Some(agent),
                            json!({"receipt_number": r, "filed_on": day.to_string(),
                                   "refusal_deadline": refusal_deadline(day).to_string()}),
                        )
                    }
                    S::Admissible => {
                        let next = sessions.next_after(day);
                        next_session_on = Some(next);
                        (Some(official), json!({"next_session_on": next.to_string()}))
                    }
                    S::Inadmissible => (
                        Some(official),
                        json!({"reason": "La demande ne relève pas des compétences propres de la commune."}),
                    ),
                    S::OnAgenda => {
                        let session = next_session_on.unwrap_or(day);
                        when = when
                            .max(session.and_hms_opt(9, 0, 0).unwrap_or(when) - Duration::days(10));
                        session_date = Some(session);
                        committee = Some("Commission des services publics".to_owned());
                        (
                            Some(official),
                            json!({"session_date": session.to_string(),
                                   "committee": "Commission des services publics"}),
                        )
                    }
                    S::Decided => {
                        let adopted = self.rng.gen_bool(0.6);
                        let o = if adopted { "adopted" } else { "rejected" };
                        outcome = Some(o);
                        if let Some(s) = session_date {
                            when = when.max(s.and_hms_opt(17, 0, 0).unwrap_or(when));
                        }
                        (
                            Some(official),
                            json!({"outcome": o, "summary": "Le conseil a délibéré en séance ordinaire."}),
                        )
                    }
                    _ => (
                        Some(agent),
                        json!({"reason": "Le comité de pétition a décidé d'y renoncer."}),
                    ),
                };
                when = when.min(self.end - Duration::hours(1));
                match to {
                    S::Collecting => published = Some(when),
                    S::Ready => ready = Some(when),
                    _ => {}
                }
                events.push((actor, from.as_str(), to, details, when));
                from = to;
            }
            let mut updated = when;
            for (actor, from, to, details, at) in events {
                set.events.push(DemoPetitionEventInsertForm {
                    petition_id: id,
                    actor_id: actor,
                    from_status: from,
                    to_status: to.as_str(),
                    details: details.to_string(),
                    created_at: at,
                });
            }
            set.follows.push(DemoPetitionFollowInsertForm {
                petition_id: id,
                user_id: agent,
                created_at: created,
            });
            // Signatures by distinct residents, between publication and now.
            let n = usize::try_from(signed).unwrap_or(0);
            let total = self.names.len();
            let offset = if total > 0 {
                self.rng.gen_range(0..total)
            } else {
                0
            };
            let collecting_from = published.unwrap_or(created);
            let collecting_until = ready.unwrap_or(self.end - Duration::hours(1));
            let collecting_window = (collecting_until - collecting_from).num_seconds().max(1);
            for j in 0..n {
                let index = (offset + j) % total;
                let user = self.first_resident + index as i64;
                let cin = Cin::parse(&format!(
                    "{}{:06}",
                    [
                        "A", "AB", "BE", "BK", "C", "CD", "D", "EE", "G", "H", "J", "K", "L"
                    ][index % 13],
                    (index / 13) % 1_000_000
                ))
                .map(|c| c.as_str().to_owned())
                .unwrap_or_default();
                let street = *self.pick(corpus::places(&self.places[place].slug));
                let address = format!("N° {}, {}", self.rng.gen_range(1..300), street[1]);
                let at =
                    collecting_from + Duration::seconds(self.rng.gen_range(0..collecting_window));
                set.signatures.push(DemoSignatureInsertForm {
                    petition_id: id,
                    user_id: user,
                    full_name: self.name_of(user).to_owned(),
                    cin_encrypted: vault.encrypt(id, "cin", &cin),
                    cin_hash: vault.cin_hash(id, &cin),
                    address_encrypted: vault.encrypt(id, "address", &address),
                    lives_or_works_in_commune: true,
                    on_electoral_roll: true,
                    direct_interest: true,
                    show_name: self.rng.gen_bool(0.7),
                    consented_at: at,
                    created_at: at,
                });
                updated = updated.max(at);
            }
            set.petitions.push(DemoPetitionInsertForm {
                id,
                commune_id: self.places[place].id,
                agent_id: agent,
                filer_type: if association {
                    "association"
                } else {
                    "citizens"
                },
                organisation_id: organisation,
                title: text[0][li].to_owned(),
                request: text[1][li].to_owned(),
                reasons: text[2][li].to_owned(),
                association_declaration: association.then(|| {
                    json!({"in_good_standing": true, "office_in_commune": true,
                           "activity_linked_to_subject": true})
                    .to_string()
                }),
                status: status.as_str(),
                signature_count: i32::try_from(n).unwrap_or(i32::MAX),
                receipt_number: receipt,
                filed_on,
                next_session_on,
                session_date,
                committee,
                outcome,
                created_at: created,
                updated_at: updated,
            });
        }
        set
    }
}
