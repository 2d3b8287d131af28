//! Text as residents type it and as the search index keeps it: Arabic without vowel marks and
//! often without its article, French without accents, Tamazight in Tifinagh.
//!
//! Both backends split words on Unicode boundaries but neither strips the Arabic article nor the
//! tashkeel; so text is normalised here, once, before indexing and before querying.

/// Arabic prefixes that carry the article: "ال" and the same after و ب ف ك, and "لل".
const ARTICLES: [&str; 6] = ["وال", "بال", "فال", "كال", "ال", "لل"];

fn fold(c: char) -> Option<char> {
    Some(match c {
        // Tashkeel (vowel marks), superscript alef, tatweel: dropped.
        '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' => return None,
        'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
        'ى' => 'ي',
        'ة' => 'ه',
        'à' | 'â' | 'ä' | 'á' => 'a',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'î' | 'ï' | 'í' => 'i',
        'ô' | 'ö' | 'ó' => 'o',
        'ù' | 'û' | 'ü' | 'ú' => 'u',
        'ç' => 'c',
        'ÿ' => 'y',
        c => c,
    })
}

/// Lower-cased, folded words of a text (letters and digits of any script).
fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| {
        !(c.is_alphanumeric()
            || ('\u{064B}'..='\u{065F}').contains(&c)
            || c == '\u{0670}'
            || c == '\u{0640}')
    })
    .filter(|w| !w.is_empty())
    .map(|w| {
        w.chars()
            .flat_map(char::to_lowercase)
            .filter_map(fold)
            .collect::<String>()
    })
    .map(|w| w.replace('œ', "oe").replace('æ', "ae"))
    .filter(|w| !w.is_empty())
}

/// The word without its article, when it has one and something meaningful remains.
fn without_article(word: &str) -> Option<&str> {
    ARTICLES
        .iter()
        .find_map(|a| word.strip_prefix(a))
        .filter(|rest| rest.chars().count() >= 2)
}

/// What to index for a text: every folded word, and each Arabic word with an article once more
/// without it, so that a search for شارع finds الشارع.
pub fn index_terms(text: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    for w in words(text) {
        if let Some(bare) = without_article(&w) {
            out.push(bare.to_owned());
        }
        out.push(w);
    }
    out.join(" ")
}

/// The words of a query, folded, articles dropped (every indexed word has its bare form too),
/// without duplicates; at most ten.
pub fn query_terms(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for w in words(text) {
        let term = without_article(&w).map_or(w.clone(), str::to_owned);
        if !out.contains(&term) {
            out.push(term);
        }
    }
    out.truncate(10);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn indexed(text: &str) -> Vec<String> {
        index_terms(text).split(' ').map(str::to_owned).collect()
    }

    #[test]
    fn arabic_is_found_without_its_article_or_vowel_marks() {
        let index = indexed("مصباح الشارع مُعَطَّل منذ أسبوع");
        for q in ["الشارع", "شارع", "معطل", "مُعطّل", "اسبوع", "أسبوع"]
        {
            for term in query_terms(q) {
                assert!(index.contains(&term), "{q} → {term} not in {index:?}");
            }
        }
        assert_eq!(query_terms("والشارع للطريق"), ["شارع", "طريق"]);
        assert!(indexed("الإنارة").contains(&"اناره".to_owned()));
        assert_eq!(query_terms("الإنارة"), ["اناره"]);
        // Tatweel and ta marbuta.
        assert_eq!(query_terms("مـدرسـة"), ["مدرسه"]);
    }

    #[test]
    fn french_is_found_without_accents_or_case() {
        let index = indexed("Éclairage public défaillant, rue de l'Hôpital");
        for q in ["eclairage", "ÉCLAIRAGE", "defaillant", "hopital"] {
            assert!(index.contains(&query_terms(q)[0]), "{q}");
        }
    }

    #[test]
    fn tifinagh_words_are_kept_whole() {
        let index = indexed("ⵜⴰⴼⴰⵡⵜ ⵜⴰⴳⴷⵓⴷⴰⵏⵜ ⵜⵅⵚⵚⴰ");
        assert_eq!(index, ["ⵜⴰⴼⴰⵡⵜ", "ⵜⴰⴳⴷⵓⴷⴰⵏⵜ", "ⵜⵅⵚⵚⴰ"]);
        assert_eq!(query_terms("ⵜⴰⴼⴰⵡⵜ"), ["ⵜⴰⴼⴰⵡⵜ"]);
    }

    #[test]
    fn queries_are_bounded_and_deduplicated() {
        assert_eq!(query_terms("a a a"), ["a"]);
        assert_eq!(query_terms("  ,;  "), Vec::<String>::new());
        assert_eq!(query_terms(&"mot ".repeat(3)), ["mot"]);
        let many: String = (0..20).map(|i| format!("w{i} ")).collect();
        assert_eq!(query_terms(&many).len(), 10);
        // Short words such as "ال" alone stay as they are.
        assert_eq!(query_terms("ال"), ["ال"]);
    }
}

/// Whether two titles say much the same: at least half of the words of the shorter one (after
/// normalisation, articles dropped) appear in the other. Used to offer "support this one instead".
pub fn similar_titles(a: &str, b: &str) -> bool {
    let (ta, tb) = (query_terms(a), query_terms(b));
    let (short, long) = if ta.len() <= tb.len() {
        (ta, tb)
    } else {
        (tb, ta)
    };
    let meaningful: Vec<&String> = short.iter().filter(|w| w.chars().count() >= 3).collect();
    if meaningful.is_empty() {
        return false;
    }
    let shared = meaningful.iter().filter(|w| long.contains(w)).count();
    shared * 2 >= meaningful.len()
}

#[cfg(test)]
mod similarity_tests {
    use super::similar_titles;

    #[test]
    fn near_identical_titles_are_similar_and_others_not() {
        assert!(similar_titles(
            "مصباح الشارع معطل",
            "المصباح معطل في شارعنا"
        ));
        assert!(similar_titles(
            "Lampadaire éteint rue Ibn Battouta",
            "lampadaire eteint"
        ));
        assert!(!similar_titles("Lampadaire éteint", "Trottoir défoncé"));
        assert!(!similar_titles("a b", "a b"), "too short to judge");
    }
}
