//! Welcome pages for newcomers, in plain language: nynorsk, bokmål and English like the
//! rest of Bulyst, and Polish (the largest group of newcomers) and Ukrainian. The texts
//! are written for these pages rather than kept in the interface's message files, which
//! hold the three interface languages; each carries its own `lang` and `dir`, so a
//! right-to-left language needs only a new entry here.

use askama::Template;

use crate::layout::Chrome;
use crate::layout::{Ctx, Nav};
use crate::pages::render;

/// One language's welcome text.
pub struct Welcome {
    pub tag: &'static str,
    pub autonym: &'static str,
    /// `ltr` or `rtl`.
    pub dir: &'static str,
    pub title: &'static str,
    /// (heading, paragraphs)
    pub sections: &'static [(&'static str, &'static [&'static str])],
    pub own_page: &'static str,
}

pub const WELCOMES: &[Welcome] = &[
    Welcome {
        tag: "nn",
        autonym: "Nynorsk",
        dir: "ltr",
        title: "Velkomen til Sogn",
        sections: &[
            ("Vi hjelper deg å kome på plass", &[
                "Tilflyttartenesta i kommunen hjelper deg og familien din når de flyttar hit.",
                "Vi kan hjelpe med jobb, jobb til partnaren din, bustad, skule, barnehage, norskkurs og fritid og lag.",
                "Du får ein kontaktperson som du kan spørje.",
            ]),
            ("Kva vi skriv ned om deg", &[
                "Vi skriv berre ned det vi treng for å hjelpe deg: namn, korleis vi når deg, kommunen, når du kom, kven som bur saman med deg, språk og kva du treng hjelp med.",
                "Vi spør deg om lov før vi bruker opplysningane til noko. Du kan ta tilbake eit ja når du vil.",
                "Etter 3, 12, 24 og 60 månader spør vi om du framleis bur her. Det hjelper oss å gjere Sogn til ein betre stad å bu.",
            ]),
            ("Rettane dine", &[
                "Du kan sjå alt vi har skrive om deg, og rette det som er feil.",
                "Du kan laste ned opplysningane dine.",
                "Du kan be oss slette alt om deg. Då er berre anonyme tal att.",
            ]),
        ],
        own_page: "Har du ein konto? Sjå saka di",
    },
    Welcome {
        tag: "nb",
        autonym: "Bokmål",
        dir: "ltr",
        title: "Velkommen til Sogn",
        sections: &[
            ("Vi hjelper deg å komme på plass", &[
                "Tilflyttertjenesten i kommunen hjelper deg og familien din når dere flytter hit.",
                "Vi kan hjelpe med jobb, jobb til partneren din, bolig, skole, barnehage, norskkurs og fritid og lag.",
                "Du får en kontaktperson som du kan spørre.",
            ]),
            ("Hva vi skriver ned om deg", &[
                "Vi skriver bare ned det vi trenger for å hjelpe deg: navn, hvordan vi når deg, kommunen, når du kom, hvem som bor sammen med deg, språk og hva du trenger hjelp med.",
                "Vi spør deg om lov før vi bruker opplysningene til noe. Du kan trekke tilbake et ja når du vil.",
                "Etter 3, 12, 24 og 60 måneder spør vi om du fortsatt bor her. Det hjelper oss å gjøre Sogn til et bedre sted å bo.",
            ]),
            ("Rettighetene dine", &[
                "Du kan se alt vi har skrevet om deg, og rette det som er feil.",
                "Du kan laste ned opplysningene dine.",
                "Du kan be oss slette alt om deg. Da er bare anonyme tall igjen.",
            ]),
        ],
        own_page: "Har du en konto? Se saken din",
    },
    Welcome {
        tag: "en",
        autonym: "English",
        dir: "ltr",
        title: "Welcome to Sogn",
        sections: &[
            ("We help you settle in", &[
                "The newcomer service in your municipality helps you and your family when you move here.",
                "We can help with a job, a job for your partner, a home, school, kindergarten, a Norwegian course, and leisure and clubs.",
                "You get a contact person you can ask.",
            ]),
            ("What we write down about you", &[
                "We only write down what we need to help you: your name, how to reach you, your municipality, when you came, who lives with you, your languages and what you need help with.",
                "We ask you before we use this information for anything. You can take back a yes whenever you want.",
                "After 3, 12, 24 and 60 months we ask if you still live here. This helps us make Sogn a better place to live.",
            ]),
            ("Your rights", &[
                "You can see everything we have written about you, and correct what is wrong.",
                "You can download your information.",
                "You can ask us to delete everything about you. Then only anonymous numbers are left.",
            ]),
        ],
        own_page: "Do you have an account? See your case",
    },
    Welcome {
        tag: "pl",
        autonym: "Polski",
        dir: "ltr",
        title: "Witamy w Sogn",
        sections: &[
            ("Pomagamy Ci się urządzić", &[
                "Gminna służba dla nowych mieszkańców pomaga Tobie i Twojej rodzinie po przeprowadzce.",
                "Możemy pomóc w znalezieniu pracy, pracy dla partnera, mieszkania, szkoły, przedszkola, kursu języka norweskiego oraz zajęć i klubów.",
                "Otrzymasz osobę kontaktową, którą możesz o wszystko zapytać.",
            ]),
            ("Co o Tobie zapisujemy", &[
                "Zapisujemy tylko to, czego potrzebujemy, aby Ci pomóc: imię i nazwisko, kontakt, gminę, datę przyjazdu, kto z Tobą mieszka, języki i w czym potrzebujesz pomocy.",
                "Pytamy o zgodę, zanim użyjemy tych informacji. Zgodę możesz wycofać w każdej chwili.",
                "Po 3, 12, 24 i 60 miesiącach pytamy, czy nadal tu mieszkasz. To pomaga nam uczynić Sogn lepszym miejscem do życia.",
            ]),
            ("Twoje prawa", &[
                "Możesz zobaczyć wszystko, co o Tobie zapisaliśmy, i poprawić błędy.",
                "Możesz pobrać swoje dane.",
                "Możesz poprosić nas o usunięcie wszystkich danych o Tobie. Zostaną tylko anonimowe liczby.",
            ]),
        ],
        own_page: "Masz konto? Zobacz swoją sprawę",
    },
    Welcome {
        tag: "uk",
        autonym: "Українська",
        dir: "ltr",
        title: "Ласкаво просимо до Согн",
        sections: &[
            ("Ми допоможемо вам облаштуватися", &[
                "Служба для новоприбулих у вашій комуні допомагає вам і вашій родині після переїзду.",
                "Ми можемо допомогти з роботою, роботою для вашого партнера, житлом, школою, дитячим садком, курсом норвезької мови, дозвіллям і гуртками.",
                "Ви отримаєте контактну особу, до якої можна звертатися з питаннями.",
            ]),
            ("Що ми записуємо про вас", &[
                "Ми записуємо лише те, що потрібно, щоб вам допомогти: ім'я, як з вами зв'язатися, комуну, дату приїзду, хто живе з вами, мови і з чим вам потрібна допомога.",
                "Ми питаємо вашого дозволу, перш ніж використовувати ці дані. Ви можете будь-коли відкликати свою згоду.",
                "Через 3, 12, 24 і 60 місяців ми запитаємо, чи ви ще живете тут. Це допомагає нам зробити Согн кращим місцем для життя.",
            ]),
            ("Ваші права", &[
                "Ви можете побачити все, що ми про вас записали, і виправити помилки.",
                "Ви можете завантажити свої дані.",
                "Ви можете попросити нас видалити все про вас. Тоді залишаться лише анонімні числа.",
            ]),
        ],
        own_page: "Маєте обліковий запис? Перегляньте свою справу",
    },
];

pub fn find(tag: &str) -> Option<&'static Welcome> {
    WELCOMES.iter().find(|w| w.tag == tag)
}

#[derive(Template)]
#[template(path = "welcome.html")]
struct WelcomePage<'a> {
    ctx: Ctx<'a>,
    w: &'static Welcome,
    others: Vec<&'static Welcome>,
}

/// GET /welcome/{tag}: the welcome text in one language, with links to the others.
pub fn page(c: &Chrome, w: &'static Welcome) -> String {
    let mut ctx = Ctx::new(c, w.title, Nav::Welcome);
    ctx.title = format!("{} ({})", w.title, w.autonym);
    render(&WelcomePage {
        others: WELCOMES.iter().filter(|o| o.tag != w.tag).collect(),
        w,
        ctx,
    })
}

/// The language the interface speaks, for /welcome without a language.
pub fn default_for(c: &Chrome) -> &'static Welcome {
    find(c.lang.tag()).unwrap_or(&WELCOMES[0])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_the_same_sections() {
        for w in WELCOMES {
            assert_eq!(w.sections.len(), WELCOMES[0].sections.len(), "{}", w.tag);
            for (i, (_, paragraphs)) in w.sections.iter().enumerate() {
                assert_eq!(
                    paragraphs.len(),
                    WELCOMES[0].sections[i].1.len(),
                    "{} {i}",
                    w.tag
                );
            }
            assert!(matches!(w.dir, "ltr" | "rtl"));
        }
        assert!(find("pl").is_some() && find("uk").is_some() && find("xx").is_none());
    }
}
