//! The main text's language from a small stop-word profile: officials are read from
//! English text only, so a text in another language claims none and says why.

use crate::text::names::Token;

/// (language code, its most frequent short words). English first; the others only name
/// what the text is when it is not English.
#[rustfmt::skip]
const PROFILES: &[(&str, &[&str])] = &[
    ("en", &["the", "and", "of", "to", "in", "is", "was", "for", "that", "on", "with", "said",
             "by", "as", "at", "from", "he", "she", "it", "are", "be", "has", "have", "not"]),
    ("sw", &["na", "ya", "wa", "kwa", "za", "katika", "ni", "la", "cha", "hiyo", "huo", "kuwa"]),
    ("zu", &["ukuthi", "futhi", "kanye", "uma", "kodwa", "ngoba", "lokhu", "kuthiwa", "kusho"]),
    ("xh", &["ukuba", "kwaye", "ngoko", "kodwa", "ukuze", "okanye", "yena", "ngokuba", "kule"]),
    ("fr", &["le", "la", "les", "des", "et", "est", "une", "du", "dans", "pour", "que", "qui"]),
    ("es", &["el", "los", "las", "del", "y", "es", "una", "por", "con", "para", "que", "se"]),
    ("de", &["der", "die", "das", "und", "ist", "nicht", "mit", "den", "von", "zu", "ein", "auf"]),
    ("pt", &["os", "as", "do", "da", "e", "uma", "com", "não", "para", "em", "que", "no"]),
];

/// The language of the text's words: "en", another profile's code, or "und" when the
/// text is not English and matches no profile. Short texts (in Latin-script words) count
/// as English: too few words to tell.
pub fn detect(toks: &[Token]) -> &'static str {
    let words: Vec<&str> = toks
        .iter()
        // Only Latin-script words: the stage reads capitalised Latin names, so words of
        // other scripts can give no false officials, and an English passage inside an
        // Arabic or Russian page is still read.
        .filter(|t| t.word && t.lower.bytes().any(|b| b.is_ascii_alphabetic()))
        .map(|t| t.lower.as_str())
        .collect();
    if words.len() < 20 {
        return "en";
    }
    let share =
        |list: &[&str]| words.iter().filter(|w| list.contains(w)).count() * 100 / words.len();
    // English prose has a quarter to a half of its words in the profile.
    if share(PROFILES[0].1) >= 12 {
        return "en";
    }
    PROFILES[1..]
        .iter()
        .map(|(code, list)| (share(list), *code))
        .filter(|(s, _)| *s >= 4)
        .max()
        .map_or("und", |(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::names::tokenize;

    fn lang(t: &str) -> &'static str {
        detect(&tokenize(t))
    }

    #[test]
    fn english_and_others() {
        let en = "The minister said on Monday that the government was ready to talk to the unions, \
                  and that it has no plans to raise taxes in the budget for the coming year at all.";
        assert_eq!(lang(en), "en");
        let sw = "Rais wa Tanzania amesema kuwa serikali yake itaendelea na mpango wa maendeleo katika \
                  mikoa yote ya nchi hiyo, na kwamba wananchi wa vijijini watapata huduma za maji na \
                  umeme kwa wakati huo huo kama ilivyoahidiwa na chama cha mapinduzi.";
        assert_eq!(lang(sw), "sw");
        let zu =
            "UNgqongqoshe uthe uhulumeni uzoqhubeka nohlelo lwentuthuko futhi kusho ukuthi abantu \
                  bazothola amanzi kanye nogesi ngoba lokhu kubalulekile kodwa uma kungenzeki \
                  bazokhononda kakhulu emphakathini wonke wakwaZulu ngokushesha okukhulu impela.";
        assert_eq!(lang(zu), "zu");
        assert_eq!(lang("Too short to tell."), "en");
        // Other scripts do not count against an English passage.
        let mixed = format!(
            "{} Foreign Minister Sameh Shoukry said the talks in Cairo were useful, the ministry said.",
            "قال وزير الخارجية سامح شكري يوم الاثنين إن المحادثات كانت مفيدة مضيفا أن الحل السياسي هو الطريق الوحيد لإنهاء الأزمة في المنطقة وأكد أن الاجتماع المقبل سيعقد"
        );
        assert_eq!(lang(&mixed), "en");
    }
}
