//! Page sizes of every list the product serves.

/// How many items a list answers at once: 20 unless asked, never more than 100.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageLimit(u16);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("limit must be between 1 and {max}", max = PageLimit::MAX)]
pub struct InvalidPageLimit;

impl PageLimit {
    pub const DEFAULT: PageLimit = PageLimit(20);
    pub const MAX: u16 = 100;

    pub fn parse(value: Option<i64>) -> Result<PageLimit, InvalidPageLimit> {
        match value {
            None => Ok(PageLimit::DEFAULT),
            Some(n) if (1..=i64::from(PageLimit::MAX)).contains(&n) => {
                Ok(PageLimit(u16::try_from(n).map_err(|_| InvalidPageLimit)?))
            }
            Some(_) => Err(InvalidPageLimit),
        }
    }

    pub fn get(self) -> u16 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_to_twenty_and_caps_at_one_hundred() {
        assert_eq!(PageLimit::parse(None).unwrap().get(), 20);
        assert_eq!(PageLimit::parse(Some(1)).unwrap().get(), 1);
        assert_eq!(PageLimit::parse(Some(100)).unwrap().get(), 100);
        assert_eq!(PageLimit::parse(Some(0)), Err(InvalidPageLimit));
        assert_eq!(PageLimit::parse(Some(101)), Err(InvalidPageLimit));
        assert_eq!(PageLimit::parse(Some(-5)), Err(InvalidPageLimit));
    }
}
