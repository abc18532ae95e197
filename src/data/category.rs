//! The role categories of officials: the one list, its JSON names (snake_case, as the gold
//! files spell them), the one-letter codes of data/officials.tsv and how the posts rank.

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Category {
    HeadOfState,
    HeadOfGovernment,
    ForeignMinister,
    OtherMinister,
    Legislator,
    Diplomat,
    Military,
    Police,
    Judiciary,
    Spokesperson,
    RegionalExecutive,
    InternationalOfficial,
    PartyLeader,
    OtherOfficial,
}

use Category::*;

/// (category, JSON name, officials.tsv code); scripts/gen_data.py holds the same codes.
const TABLE: [(Category, &str, &str); 14] = [
    (HeadOfState, "head_of_state", "s"),
    (HeadOfGovernment, "head_of_government", "g"),
    (ForeignMinister, "foreign_minister", "f"),
    (OtherMinister, "other_minister", "m"),
    (Legislator, "legislator", "l"),
    (Diplomat, "diplomat", "d"),
    (Military, "military", "a"),
    (Police, "police", "p"),
    (Judiciary, "judiciary", "j"),
    (Spokesperson, "spokesperson", "k"),
    (RegionalExecutive, "regional_executive", "r"),
    (InternationalOfficial, "international_official", "i"),
    (PartyLeader, "party_leader", "q"),
    (OtherOfficial, "other_official", "o"),
];

impl Category {
    pub fn as_str(self) -> &'static str {
        TABLE[self as usize].1
    }

    /// The category named `name` ("head_of_state").
    pub fn parse(name: &str) -> Option<Category> {
        TABLE.iter().find(|r| r.1 == name).map(|r| r.0)
    }

    /// The category of a one-letter officials.tsv code.
    pub fn from_code(code: &str) -> Option<Category> {
        TABLE.iter().find(|r| r.2 == code).map(|r| r.0)
    }

    /// The posts the surname index and the "who held it then" test cover.
    pub fn is_top(self) -> bool {
        matches!(self, HeadOfState | HeadOfGovernment | ForeignMinister)
    }

    /// How much a category weighs when one person held several posts.
    pub fn rank(self) -> u8 {
        match self {
            HeadOfState => 9,
            HeadOfGovernment => 8,
            ForeignMinister => 7,
            OtherMinister => 6,
            InternationalOfficial => 5,
            Judiciary | Military | Legislator => 4,
            RegionalExecutive => 3,
            Diplomat => 2,
            _ => 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_codes_round_trip() {
        for (c, name, code) in TABLE {
            assert_eq!(c.as_str(), name);
            assert_eq!(Category::parse(name), Some(c));
            assert_eq!(Category::from_code(code), Some(c));
        }
        assert_eq!(Category::parse("chef"), None);
    }
}
