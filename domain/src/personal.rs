//! Personal data in text meant for the public: the one check every path that creates or
//! changes public text runs (a phone number, an e-mail address, a national ID number).

/// Whether a text seems to hold personal data that must not be published before a moderator
/// looks: a Moroccan phone number (06…, 07…, 05…, +212…, 00212…), an e-mail address, or a
/// national ID (CIN) number (one or two letters then five or six digits).
pub fn contains_personal_data(text: &str) -> bool {
    let ascii: String = text
        .chars()
        .map(|c| match c {
            '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
            '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
            c => c,
        })
        .collect();
    has_phone(&ascii) || has_email(&ascii) || has_cin(&ascii)
}

fn has_phone(text: &str) -> bool {
    // Digits with their separators (spaces, dots, dashes) removed, runs kept apart by anything else.
    let mut runs: Vec<String> = vec![String::new()];
    for c in text.chars() {
        if c.is_ascii_digit() || c == '+' {
            runs.last_mut().unwrap().push(c);
        } else if matches!(c, ' ' | '.' | '-' | '/' | '(' | ')') {
            continue;
        } else {
            runs.push(String::new());
        }
    }
    runs.iter().any(|run| {
        let digits = run.trim_start_matches('+');
        let national = digits
            .strip_prefix("00212")
            .or_else(|| digits.strip_prefix("212"))
            .map(|rest| format!("0{rest}"))
            .unwrap_or_else(|| digits.to_owned());
        national
            .as_bytes()
            .windows(10)
            .any(|w| w[0] == b'0' && (b'5'..=b'7').contains(&w[1]))
            && national.len() >= 10
    })
}

fn has_email(text: &str) -> bool {
    text.split(|c: char| {
        c.is_whitespace() || matches!(c, ',' | ';' | '<' | '>' | '(' | ')' | '"' | '\'')
    })
    .any(|word| {
        let word = word.trim_matches(|c: char| c.is_ascii_punctuation() && c != '@');
        match word.split_once('@') {
            Some((local, domain)) => {
                !local.is_empty()
                    && domain.contains('.')
                    && !domain.starts_with('.')
                    && !domain.ends_with('.')
            }
            None => false,
        }
    })
}

fn has_cin(text: &str) -> bool {
    text.split(|c: char| !c.is_ascii_alphanumeric())
        .any(|word| {
            let letters = word.chars().take_while(char::is_ascii_alphabetic).count();
            let digits = &word[letters..];
            (1..=2).contains(&letters)
                && (5..=6).contains(&digits.len())
                && digits.chars().all(|c| c.is_ascii_digit())
                && word[..letters].chars().all(|c| c.is_ascii_uppercase())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn personal_data_is_spotted_in_the_ways_people_write_it() {
        for text in [
            "Appelez-moi au 0612345678 svp",
            "رقمي 06 12 34 56 78",
            "tel: 06.61.23.45.67",
            "+212 661-234567",
            "00212661234567",
            "٠٦١٢٣٤٥٦٧٨ هذا رقمي",
            "écrivez à amina.b@gmail.com",
            "ma CIN est AB123456",
            "CIN: K12345",
        ] {
            assert!(contains_personal_data(text), "{text}");
        }
        for text in [
            "Le lampadaire 12 de la rue 45 est éteint depuis 2025.",
            "الحفرة أمام العمارة رقم 120 منذ 3 أشهر",
            "Route N1 au km 12345",
            "ⵜⴰⴼⴰⵡⵜ ⵜⵅⵚⵚⴰ ⴳ ⵓⴱⵔⵉⴷ",
            "Rendez-vous @ la mairie",
            "Budget 2026: 1 200 000 dirhams",
        ] {
            assert!(!contains_personal_data(text), "{text}");
        }
    }
}
