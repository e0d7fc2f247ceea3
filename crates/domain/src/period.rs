//! Reading the hand-written "Når" (when) cells of a plan as ranges of days.
//!
//! Plans say "Sep.20 – mai 21", "Oppstart haust -21" or "Etablert juni, møter i
//! sep, nov, jan, mars, mai.", mixing nynorsk, bokmål and English. The text is
//! cut into tokens, the tokens are read as mentions (a year, or a month or a
//! season, maybe with a day), and the mentions are given years and merged.

/// The same day `months` later; the last day of the month when that month is shorter,
/// so 31 August + 6 months is 28 or 29 February.
pub fn add_months(day: time::Date, months: u32) -> time::Date {
    let total = day.month() as i64 - 1 + i64::from(months);
    let year = day.year() + (total / 12) as i32;
    let month = time::Month::try_from((total % 12 + 1) as u8).expect("1..=12");
    let d = day.day().min(month.length(year));
    time::Date::from_calendar_date(year, month, d).expect("a day of the month")
}

/// A calendar day; months and days 1-based.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

/// An inclusive range of days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Span {
    pub from: Day,
    pub to: Day,
}

impl Day {
    pub fn first_of(year: i32, month: u8) -> Day {
        Day {
            year,
            month,
            day: 1,
        }
    }

    pub fn last_of(year: i32, month: u8) -> Day {
        Day {
            year,
            month,
            day: days_in_month(year, month),
        }
    }

    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Reads a free-text timing from a plan ("Sep.20 – mai 21", "Hausten 2020") into a range of days.
/// `context` is (year, month) of the plan's start: month names without a year resolve to their first occurrence at or after it.
/// Returns None where the text names no time (e.g. "Kontinuerleg").
pub fn parse_when(text: &str, context: (i32, u8)) -> Option<Span> {
    let mentions = mentions(&tokenize(text));
    let years = years_of(&mentions, context);
    mentions
        .iter()
        .zip(years)
        .filter_map(|(mention, year)| span_of(mention, year?))
        .reduce(|a, b| Span {
            from: a.from.min(b.from),
            to: a.to.max(b.to),
        })
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Token {
    Month(u8),
    /// First and last month of the season.
    Season(u8, u8),
    /// `marked` when written "-20" or "'20", which only ever means a year.
    Number {
        value: u32,
        digits: usize,
        marked: bool,
    },
    Dot,
    Dash,
    /// Any other word or sign; it keeps numbers around it from being read as
    /// the year or day of a month further away.
    Other,
}

fn tokenize(text: &str) -> Vec<Token> {
    let chars: Vec<char> = text.chars().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let start = i;
        let c = chars[i];
        i += 1;
        if c.is_alphabetic() {
            while i < chars.len() && chars[i].is_alphabetic() {
                i += 1;
            }
            let word: String = chars[start..i]
                .iter()
                .flat_map(|c| c.to_lowercase())
                .collect();
            tokens.push(time_word(&word).unwrap_or(Token::Other));
        } else if c.is_ascii_digit() {
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            let value = chars[start..i].iter().fold(0u32, |value, c| {
                value
                    .saturating_mul(10)
                    .saturating_add(c.to_digit(10).unwrap_or(0))
            });
            let marked = start > 0 && matches!(chars[start - 1], '-' | '–' | '\'' | '’');
            tokens.push(Token::Number {
                value,
                digits: i - start,
                marked,
            });
        } else if !c.is_whitespace() {
            tokens.push(match c {
                '.' => Token::Dot,
                '-' | '–' | '—' => Token::Dash,
                _ => Token::Other,
            });
        }
    }
    tokens
}

fn time_word(word: &str) -> Option<Token> {
    let month = match word {
        "jan" | "januar" | "january" => 1,
        "feb" | "februar" | "february" => 2,
        "mar" | "mars" | "march" => 3,
        "apr" | "april" => 4,
        "mai" | "may" => 5,
        "jun" | "juni" | "june" => 6,
        "jul" | "juli" | "july" => 7,
        "aug" | "august" => 8,
        "sep" | "sept" | "september" => 9,
        "okt" | "oktober" | "oct" | "october" => 10,
        "nov" | "november" => 11,
        "des" | "desember" | "dec" | "december" => 12,
        _ => {
            let (first, last) = match word {
                "vår" | "våren" | "spring" => (1, 6),
                "sommar" | "sommaren" | "sommer" | "sommeren" | "summer" => (6, 8),
                "haust" | "hausten" | "høst" | "høsten" | "autumn" | "fall" => (8, 12),
                "vinter" | "vinteren" | "winter" => (1, 3),
                _ => return None,
            };
            return Some(Token::Season(first, last));
        }
    };
    Some(Token::Month(month))
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Mention {
    Year(i32),
    Months {
        first: u8,
        last: u8,
        day: Option<u8>,
    },
}

fn mentions(tokens: &[Token]) -> Vec<Mention> {
    let mut mentions = Vec::new();
    let mut day = None;
    for (i, token) in tokens.iter().enumerate() {
        match *token {
            Token::Month(month) => mentions.push(Mention::Months {
                first: month,
                last: month,
                day: day.take(),
            }),
            Token::Season(first, last) => mentions.push(Mention::Months {
                first,
                last,
                day: None,
            }),
            Token::Number {
                value,
                digits,
                marked,
            } => {
                // A two-digit number is only a year where it is marked as one
                // or stands right after a month: "Sep.20", "mai 21", "Haust 21".
                let year = match digits {
                    4 if (1900..=2199).contains(&value) => Some(value as i32),
                    2 if marked || follows_time_word(tokens, i) => Some(2000 + value as i32),
                    _ => None,
                };
                if let Some(year) = year {
                    mentions.push(Mention::Year(year));
                } else if digits <= 2 && (1..=31).contains(&value) && precedes_month(tokens, i) {
                    day = Some(value as u8);
                }
            }
            Token::Dot | Token::Dash | Token::Other => {}
        }
    }
    mentions
}

fn follows_time_word(tokens: &[Token], i: usize) -> bool {
    tokens[..i]
        .iter()
        .rev()
        .find(|token| !matches!(token, Token::Dot | Token::Dash))
        .is_some_and(|token| matches!(token, Token::Month(_) | Token::Season(..)))
}

fn precedes_month(tokens: &[Token], i: usize) -> bool {
    tokens[i + 1..]
        .iter()
        .find(|token| **token != Token::Dot)
        .is_some_and(|token| matches!(token, Token::Month(_)))
}

/// The year each mention stands for; `None` for a year that only serves the
/// months before it, so that "Mai-juni 2020" does not cover all of 2020.
fn years_of(mentions: &[Mention], context: (i32, u8)) -> Vec<Option<i32>> {
    let mut years = vec![None; mentions.len()];
    // A year belongs to the months written before it ("Sep – des 2020"). They
    // are read backwards from it so that "nov – feb 2021" starts in 2020
    // rather than running backwards in time.
    let mut lender = None;
    for (i, mention) in mentions.iter().enumerate().rev() {
        match *mention {
            Mention::Year(year) => lender = Some((year, 12)),
            Mention::Months { first, .. } => {
                if let Some((year, month)) = lender {
                    let year = if first <= month {
                        year
                    } else {
                        year.saturating_sub(1)
                    };
                    years[i] = Some(year);
                    lender = Some((year, first));
                }
            }
        }
    }
    // Months after the last year carry on from the time before them, or from
    // the plan's start, and step into the next year rather than back in time.
    let mut cursor = context;
    for (i, mention) in mentions.iter().enumerate() {
        match *mention {
            Mention::Year(year) => {
                let lent = i > 0 && matches!(mentions[i - 1], Mention::Months { .. });
                if !lent {
                    years[i] = Some(year);
                    cursor = (year, 1);
                }
            }
            Mention::Months { first, last, .. } => {
                let year = *years[i].get_or_insert(if last >= cursor.1 {
                    cursor.0
                } else {
                    cursor.0.saturating_add(1)
                });
                cursor = (year, first);
            }
        }
    }
    years
}

fn span_of(mention: &Mention, year: i32) -> Option<Span> {
    match *mention {
        Mention::Year(_) => Some(Span {
            from: Day::first_of(year, 1),
            to: Day::last_of(year, 12),
        }),
        Mention::Months {
            first,
            last,
            day: None,
        } => Some(Span {
            from: Day::first_of(year, first),
            to: Day::last_of(year, last),
        }),
        Mention::Months {
            first,
            day: Some(day),
            ..
        } => {
            // "31. februar" is a slip of the pen, not a date to guess at.
            let day = Day {
                year,
                month: first,
                day,
            };
            (day.day <= days_in_month(year, first)).then_some(Span { from: day, to: day })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn when(text: &str) -> Option<(String, String)> {
        when_in(text, (2020, 5))
    }

    fn when_in(text: &str, context: (i32, u8)) -> Option<(String, String)> {
        parse_when(text, context).map(|span| (span.from.iso(), span.to.iso()))
    }

    fn check(cases: &[(&str, &str, &str)]) {
        for &(text, from, to) in cases {
            assert_eq!(
                when(text),
                Some((from.to_string(), to.to_string())),
                "{text:?}"
            );
        }
    }

    #[test]
    fn every_when_of_the_sogn_for_alle_action_plan() {
        check(&[
            (
                "Etablert juni, møter i sep, nov, jan, mars, mai.",
                "2020-06-01",
                "2021-05-31",
            ),
            (
                "Kontaktpersonar meldt inn i mai -20. Fyrste fellesmøte 28. august.",
                "2020-05-01",
                "2020-08-28",
            ),
            ("Mai-20", "2020-05-01", "2020-05-31"),
            ("Hausten 2020", "2020-08-01", "2020-12-31"),
            ("Mai-juni 2020", "2020-05-01", "2020-06-30"),
            ("Sep.20 – mai 21", "2020-09-01", "2021-05-31"),
            (
                "Starter i Høyanger og Vik, oktober -20",
                "2020-10-01",
                "2020-10-31",
            ),
            ("Februar -21", "2021-02-01", "2021-02-28"),
            ("Vår 2021", "2021-01-01", "2021-06-30"),
            ("Oppstart haust -21", "2021-08-01", "2021-12-31"),
            ("Haust 21", "2021-08-01", "2021-12-31"),
            ("Oktober- 20 - mai 21", "2020-10-01", "2021-05-31"),
            ("2021", "2021-01-01", "2021-12-31"),
            ("Oppstart vår -21", "2021-01-01", "2021-06-30"),
            ("April-21", "2021-04-01", "2021-04-30"),
            ("Vår -21", "2021-01-01", "2021-06-30"),
            ("01. desember -20", "2020-12-01", "2020-12-01"),
        ]);
        assert_eq!(when("Kontinuerleg"), None);
    }

    #[test]
    fn dates_in_the_comments_of_the_plan() {
        check(&[
            ("Forprosjekt vår -21", "2021-01-01", "2021-06-30"),
            (
                "Støtteundervisning for å ta norsk og mattematikk starta sep. -20, privatisteksamen vår -21.",
                "2020-09-01",
                "2021-06-30",
            ),
            ("Forarbeid, etablering av tilbodet, vinter 2021", "2021-01-01", "2021-03-31"),
            ("Jobbe med forankring og samarbeidspartnarar haust 2020", "2020-08-01", "2020-12-31"),
            (
                "Oppstart 2020. Søknadsfrist for opptak i programmet oktober 2021.",
                "2020-01-01",
                "2021-10-31",
            ),
        ]);
    }

    #[test]
    fn languages_cases_and_year_forms() {
        check(&[
            ("September 2020 – March 2021", "2020-09-01", "2021-03-31"),
            ("sept. '21", "2021-09-01", "2021-09-30"),
            ("DES 2020", "2020-12-01", "2020-12-31"),
            ("høsten 2020", "2020-08-01", "2020-12-31"),
            ("sommeren -21", "2021-06-01", "2021-08-31"),
            ("summer 2021", "2021-06-01", "2021-08-31"),
            ("fall ’21", "2021-08-01", "2021-12-31"),
            ("28 August 2020", "2020-08-28", "2020-08-28"),
            ("okt.", "2020-10-01", "2020-10-31"),
        ]);
    }

    #[test]
    fn months_without_a_year() {
        check(&[
            ("Sep – des 2020", "2020-09-01", "2020-12-31"),
            ("nov – feb 2021", "2020-11-01", "2021-02-28"),
            ("des 2020 – feb", "2020-12-01", "2021-02-28"),
            ("mai 2021, så juni", "2021-05-01", "2021-06-30"),
            ("vinter", "2021-01-01", "2021-03-31"),
        ]);
        assert_eq!(
            when_in("mai", (2020, 6)),
            Some(("2021-05-01".into(), "2021-05-31".into()))
        );
        assert_eq!(
            when_in("mai", (2020, 5)),
            Some(("2020-05-01".into(), "2020-05-31".into()))
        );
    }

    #[test]
    fn days_that_do_not_exist_are_ignored() {
        assert_eq!(when("31. februar 2021"), None);
        assert_eq!(when("29. februar 2021"), None);
        check(&[
            ("29. februar 2020", "2020-02-29", "2020-02-29"),
            ("31. februar, mars 2021", "2021-03-01", "2021-03-31"),
            ("32. mai -21", "2021-05-01", "2021-05-31"),
        ]);
    }

    #[test]
    fn numbers_and_words_that_are_not_times() {
        for text in [
            "",
            "Kontinuerleg",
            "99",
            "B2 kurs i 12 kommunar",
            "1289 personar",
            "-",
            "Ved behov",
        ] {
            assert_eq!(when(text), None, "{text:?}");
        }
    }

    #[test]
    fn month_ends() {
        assert_eq!(Day::last_of(2020, 2).day, 29);
        assert_eq!(Day::last_of(2021, 2).day, 28);
        assert_eq!(Day::last_of(1900, 2).day, 28);
        assert_eq!(Day::last_of(2000, 2).day, 29);
        assert_eq!(Day::last_of(2021, 4).day, 30);
        assert_eq!(Day::last_of(2021, 12).iso(), "2021-12-31");
        assert_eq!(Day::first_of(2020, 9).iso(), "2020-09-01");
    }

    #[test]
    fn odd_input_never_panics() {
        let long_months = "mai jan ".repeat(5000);
        let long_digits = "9".repeat(10_000);
        let long_dashes = "-".repeat(10_000);
        let odd = [
            "0",
            "00",
            "000",
            "-0",
            "'00",
            "--",
            "'",
            "’",
            ".",
            "31.",
            "0. mai",
            "mai.",
            "mai -",
            "-99",
            "2020-",
            "-2020-",
            "20-21-22",
            "ﬀ",
            "ß",
            "İstanbul",
            "🎉 mai 🎉",
            "\u{0}",
            "\u{200b}2021",
            "١٢",
            "mai\u{0301}",
            &long_months,
            &long_digits,
            &long_dashes,
        ];
        for text in odd {
            for context in [(2020, 5), (i32::MAX, 12), (i32::MIN, 0), (0, 13)] {
                if let Some(span) = parse_when(text, context) {
                    assert!(span.from <= span.to, "{text:?}");
                }
            }
        }
    }
}
