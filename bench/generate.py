"""Write realistic synthetic documents about violations of trade union rights, at scale.

Documents are Markdown with the same front matter as the bundled examples
(title, published, kind, country, source_url) and about 500 words each. They are
drawn from a pool of synthetic *cases*: each case has a country, a union, a
company, a court, one to three unionists and a timeline of violations (arrest,
detention, dismissal, raid, sentencing with court terms, upcoming hearings), so
that the same people recur across documents the way they do in real reporting.
Every name is generated from syllables; none comes from a real source.

    python bench/generate.py OUT_DIR --count 10000 [--seed 7] [--words 500]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
from dataclasses import dataclass, field
from pathlib import Path

COUNTRIES = {
    # country: (cities, currency, syllables used for names)
    "Kazakhstan": (["Almaty", "Shymkent", "Karaganda", "Aktau", "Atyrau", "Pavlodar"], "tenge", "slavic"),
    "Belarus": (["Minsk", "Gomel", "Grodno", "Brest", "Vitebsk", "Mogilev"], "roubles", "slavic"),
    "Russia": (["Samara", "Tomsk", "Omsk", "Perm", "Kazan", "Tula"], "roubles", "slavic"),
    "Ukraine": (["Kharkiv", "Dnipro", "Lviv", "Odesa", "Poltava", "Sumy"], "hryvnia", "slavic"),
    "Colombia": (["Cali", "Medellin", "Barranquilla", "Cartagena", "Bucaramanga", "Pereira"], "pesos", "latin"),
    "Guatemala": (["Quetzaltenango", "Escuintla", "Coban", "Mazatenango", "Huehuetenango"], "quetzales", "latin"),
    "Honduras": (["Tegucigalpa", "La Ceiba", "Choluteca", "Comayagua", "El Progreso"], "lempiras", "latin"),
    "Mexico": (["Monterrey", "Puebla", "Tijuana", "Leon", "Queretaro", "Merida"], "pesos", "latin"),
    "Peru": (["Arequipa", "Trujillo", "Chiclayo", "Piura", "Cusco", "Iquitos"], "soles", "latin"),
    "Philippines": (["Cebu", "Davao", "Iloilo", "Bacolod", "Cagayan de Oro", "Batangas"], "pesos", "malay"),
    "Indonesia": (["Surabaya", "Bandung", "Medan", "Semarang", "Makassar", "Batam"], "rupiah", "malay"),
    "Cambodia": (["Phnom Penh", "Battambang", "Siem Reap", "Kampot", "Sihanoukville"], "riel", "malay"),
    "Bangladesh": (["Dhaka", "Chittagong", "Gazipur", "Narayanganj", "Savar", "Khulna"], "taka", "south_asian"),
    "Pakistan": (["Karachi", "Lahore", "Faisalabad", "Multan", "Sialkot", "Quetta"], "rupees", "south_asian"),
    "India": (["Chennai", "Pune", "Surat", "Kanpur", "Nagpur", "Coimbatore"], "rupees", "south_asian"),
    "Turkey": (["Izmir", "Bursa", "Kocaeli", "Adana", "Gaziantep", "Konya"], "lira", "turkic"),
    "Iran": (["Tabriz", "Isfahan", "Shiraz", "Ahvaz", "Mashhad", "Karaj"], "rials", "persian"),
    "Egypt": (["Alexandria", "Mahalla", "Suez", "Port Said", "Asyut", "Tanta"], "pounds", "arabic"),
    "Algeria": (["Oran", "Annaba", "Constantine", "Setif", "Bejaia", "Blida"], "dinars", "arabic"),
    "Zimbabwe": (["Harare", "Bulawayo", "Mutare", "Gweru", "Masvingo", "Kwekwe"], "dollars", "bantu"),
    "Eswatini": (["Mbabane", "Manzini", "Matsapha", "Nhlangano", "Siteki"], "emalangeni", "bantu"),
    "Nigeria": (["Lagos", "Kano", "Ibadan", "Port Harcourt", "Kaduna", "Enugu"], "naira", "bantu"),
    "Korea": (["Busan", "Incheon", "Daegu", "Ulsan", "Gwangju", "Changwon"], "won", "korean"),
    "Myanmar": (["Yangon", "Mandalay", "Bago", "Mawlamyine", "Pathein", "Hpa-an"], "kyat", "malay"),
}

SYLLABLES = {
    "slavic": (["Ale", "Iri", "Nata", "Olek", "Tati", "Vla", "Sve", "Dmi", "Yeve", "Ana", "Ser", "Ksen"],
               ["na", "sandr", "lia", "ny", "ra", "dimir", "tlana", "try", "geny", "toly", "gei", "ia"],
               ["Kor", "Bel", "Dor", "Sav", "Mal", "Zhur", "Kuz", "Lyt", "Pash", "Vor", "Grib", "Tkach"],
               ["enko", "ova", "ov", "insky", "uk", "evich", "ina", "ich", "ets", "yak"]),
    "latin": (["Car", "Mar", "Ju", "Lu", "Fer", "Ro", "Gus", "An", "Da", "Ele", "Sil", "Ra"],
              ["los", "ia", "lián", "cía", "nando", "sa", "tavo", "drea", "niel", "na", "via", "món"],
              ["Gar", "Ro", "Men", "Cas", "Var", "Es", "Ur", "Ben", "Qui", "Sal", "Pi", "Oso"],
              ["cía", "dríguez", "doza", "tillo", "gas", "cobar", "ibe", "ítez", "roga", "azar", "nto", "rio"]),
    "malay": (["Ari", "Den", "Ma", "Ro", "Ju", "Sre", "Put", "Bo", "Ly", "Chan", "Nar", "Ta"],
              ["fin", "ny", "ria", "del", "nita", "y", "ri", "pha", "na", "thy", "ong", "la"],
              ["Sant", "Wid", "Hart", "Sok", "Mer", "Kus", "Vann", "Pras", "Reye", "Lim", "Bau", "Tan"],
              ["os", "odo", "ono", "heng", "cado", "uma", "ak", "etyo", "s", "tista", "an", "awi"]),
    "south_asian": (["Ra", "Shah", "Ami", "Far", "Nas", "Su", "Kal", "Ta", "Mo", "Ru", "Ja", "Pri"],
                    ["hul", "ida", "na", "zana", "rin", "nil", "pana", "slima", "hammad", "bina", "ved", "ya"],
                    ["Ah", "Cho", "Hos", "Is", "Ra", "Kha", "Sid", "Mal", "Bhat", "Qur", "Iq", "Nai"],
                    ["med", "wdhury", "sain", "lam", "hman", "tun", "diqui", "ik", "tacharya", "eshi", "bal", "r"]),
    "turkic": (["Meh", "Ay", "Ke", "Zey", "Mus", "Elif", "Ha", "Bu", "Ser", "Em", "Fa", "Ok"],
               ["met", "şe", "mal", "nep", "tafa", "", "kan", "rak", "dar", "re", "tma", "tay"],
               ["Yıl", "Kay", "De", "Çe", "Şa", "Ay", "Öz", "Ar", "Kılı", "Do", "Ko", "Tur"],
               ["dız", "a", "mir", "lik", "hin", "dın", "türk", "slan", "ç", "ğan", "ç", "an"]),
    "persian": (["Reza", "Mah", "Ali", "Fa", "Has", "Ne", "Da", "Sho", "Ja", "Par", "Ka", "Ma"],
                ["", "sa", "reza", "rideh", "san", "da", "vud", "hreh", "vad", "vin", "mran", "ryam"],
                ["Sha", "Ra", "Te", "Mo", "Ka", "Ja", "Ho", "Sa", "Ba", "Ne", "Za", "Fa"],
                ["bani", "himi", "hrani", "radi", "rimi", "fari", "sseini", "deghi", "gheri", "jati", "ndi", "rahani"]),
    "arabic": (["Mo", "Fa", "Kha", "Ah", "Yas", "Sa", "Ka", "No", "Ha", "Ra", "Ta", "Ab"],
               ["hamed", "tima", "led", "med", "min", "mira", "rim", "ura", "ssan", "nia", "rek", "del"],
               ["El-", "Ab", "Mans", "Ha", "Sa", "Bel", "Ben", "Ma", "Na", "Fa", "Ka", "Ya"],
               ["Sayed", "delaziz", "our", "mdi", "lah", "kacem", "salah", "hmoud", "sser", "rouk", "mal", "hia"]),
    "bantu": (["Tendai", "Chi", "Nomsa", "Sipho", "Thand", "Ob", "Ade", "Farai", "Lind", "Zo", "Mpho", "Kwa"],
              ["", "do", "", "", "iwe", "i", "bayo", "", "iwe", "dwa", "", "me"],
              ["Mo", "Ndlo", "Dla", "Ok", "Mas", "Chi", "Nkosi", "Adeb", "Mu", "Zu", "Sib", "Ma"],
              ["yo", "vu", "mini", "afor", "eko", "nga", "nathi", "ayo", "tasa", "ma", "iya", "seko"]),
    "korean": (["Min", "Ji", "Seo", "Hyun", "Dong", "Eun", "Sung", "Young", "Jae", "Hye", "Kyung", "Tae"],
               ["-jun", "-woo", "-yeon", "-soo", "-hyuk", "-ji", "-min", "-ho", "-won", "-jin", "-sik", "-hee"],
               ["Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim", "Han", "Shin"],
               [""]),
}

SECTORS = ["Oil and Gas Workers", "Textile Workers", "Miners", "Teachers", "Health Workers",
           "Dockworkers", "Metalworkers", "Transport Workers", "Plantation Workers", "Garment Workers",
           "Electricity Workers", "Construction Workers", "Food and Beverage Workers", "Journalists"]
COMPANY_WORDS = (["North", "Grand", "Union", "Delta", "Atlas", "Pacific", "Eastern", "Golden", "Nova", "Prime"],
                 ["Petroleum", "Textiles", "Mining", "Steel", "Logistics", "Garments", "Energy", "Foods",
                  "Plantations", "Cement"])
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
NUMBERS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]

# Violation type → how a sentence reports it about one person (taxonomy keys).
EVENT_PHRASES = {
    "arrest": "{victim} was arrested by police in {city} on {date}",
    "detention": "{victim} was remanded in pre-trial detention on {date}",
    "dismissal": "{victim} was dismissed by {company} on {date}, days after the union was founded",
    "assault": "{victim} was beaten by unidentified men outside the union office in {city} on {date}",
    "threat": "{victim} was threatened by security officers on {date} and warned to stop organising",
    "interrogation": "{victim} was interrogated by investigators for six hours on {date}",
    "raid": "police raided the offices of the {union} in {city} on {date} and seized computers",
    "surveillance": "{victim} has been followed by plain-clothes officers since {date}",
    "charges": "{victim} was charged with abuse of office on {date}",
    "killing": "{victim} was shot dead by two gunmen in {city} on {date}",
    "deregistration": "the {union} was liquidated by a court decision on {date}",
    "strike_suppression": "riot police broke up the strike at {company} on {date} and the strike was declared illegal",
    "travel_restriction": "{victim} was barred from leaving {city} from {date}",
}
TERMS = [
    ("prison", "{n} years in prison", "years"),
    ("prison", "{n} years of imprisonment", "years"),
    ("restriction_of_movement", "{n} years of restriction of freedom", "years"),
    ("suspended", "a suspended sentence of {n} years", "years"),
    ("ban_from_office", "a {n}-year ban on holding office in public organisations", "years"),
    ("forced_labour", "{h} hours of forced labour", "hours"),
]
BACKGROUND = [
    "The union was founded to defend the wages and safety of its members, many of whom work long shifts for low pay.",
    "Workers in the sector have complained for years about unpaid overtime, unsafe equipment and short-term contracts.",
    "Independent unions in the country face mounting pressure, and several have been forced to merge with organisations close to the government.",
    "The authorities have repeatedly refused to register new unions, citing technical defects in their founding documents.",
    "Observers from international labour organisations were not allowed to attend the hearings.",
    "The prosecution has not presented any evidence that the union leaders acted unlawfully.",
    "Colleagues describe the accused as a respected negotiator who helped to settle several disputes without a strike.",
    "Members of the union say they have received anonymous phone calls urging them to resign.",
    "The employer denied any link between the dismissals and union activity, and blamed falling orders.",
    "A petition calling for the release of the detained unionists has gathered thousands of signatures.",
    "The labour inspectorate has not responded to repeated complaints filed by the union.",
    "Local media were told not to report on the strike, and journalists who covered it were questioned.",
]
STANDARDS = [
    "ILO Convention No. 87 on freedom of association protects the right of workers to establish organisations of their own choosing.",
    "ILO Convention No. 98 protects workers against acts of anti-union discrimination in respect of their employment.",
    "The ILO Committee on Freedom of Association has repeatedly stressed that the arrest of trade unionists for union activities is a grave violation of civil liberties.",
    "The right to strike is an intrinsic corollary of the right to organise, as the ILO supervisory bodies have long held.",
    "The government ratified the core labour conventions and reports to the ILO on their application every few years.",
]
CALLS = [
    "The confederation calls on the authorities to release all detained trade unionists immediately and unconditionally.",
    "We urge the government to drop all charges and to guarantee the safety of union members and their families.",
    "The federation will raise the case with the ILO Committee on Freedom of Association.",
    "Affiliates are asked to send messages of protest to the embassy and to the ministry of labour.",
    "The international trade union movement will continue to monitor the case closely.",
]
KINDS = [("press_release", 0.35), ("news", 0.35), ("letter", 0.15), ("report", 0.15)]


@dataclass
class Case:
    country: str
    city: str
    currency: str
    union: str
    union_short: str
    company: str
    court: str
    victims: list[str]
    roles: list[str]
    start: dt.date
    events: list[tuple[str, dt.date, int]] = field(default_factory=list)  # (type, date, victim)
    sentence: tuple[dt.date, list[str]] | None = None
    hearing: dt.date | None = None


class Generator:
    def __init__(self, seed: int = 7, cases: int = 2000):
        self.rng = random.Random(seed)
        self.cases = [self._case(i) for i in range(cases)]
        self.last_case: Case | None = None  # the case the latest document reported on

    def _name(self, style: str) -> str:
        first_a, first_b, last_a, last_b = SYLLABLES[style]
        first = self.rng.choice(first_a) + self.rng.choice(first_b)
        last = self.rng.choice(last_a) + self.rng.choice(last_b)
        return f"{first} {last}"

    def _case(self, index: int) -> Case:
        rng = self.rng
        country = rng.choice(list(COUNTRIES))
        cities, currency, style = COUNTRIES[country]
        city = rng.choice(cities)
        sector = rng.choice(SECTORS)
        union = f"Independent Union of {sector} of {city}"
        short = "IU" + "".join(w[0] for w in sector.split() if w[0].isupper()) + city[:2].upper() + str(index % 97)
        company = f"{rng.choice(COMPANY_WORDS[0])} {rng.choice(COMPANY_WORDS[1])}"
        victims = [self._name(style) for _ in range(rng.choice([1, 1, 2, 3]))]
        roles = ["Chairperson", "Deputy Chair", "Legal Officer"]
        start = dt.date(rng.randint(2010, 2024), rng.randint(1, 12), rng.randint(1, 28))
        case = Case(country, city, currency, union, short, company, f"{city} City Court", victims, roles, start)
        day = start
        kinds = [k for k in EVENT_PHRASES if k != "killing"]
        for event_type in rng.sample(kinds, rng.randint(2, 5)):
            day += dt.timedelta(days=rng.randint(3, 60))
            case.events.append((event_type, day, rng.randrange(len(victims))))
        if rng.random() < 0.05:
            day += dt.timedelta(days=rng.randint(3, 60))
            case.events.append(("killing", day, rng.randrange(len(victims))))
        if rng.random() < 0.6:
            day += dt.timedelta(days=rng.randint(20, 120))
            picked = rng.sample(TERMS, rng.randint(1, 3))
            case.sentence = (day, [self._term(t) for t in picked])
            case.hearing = day + dt.timedelta(days=rng.randint(20, 90))
        return case

    def _term(self, term: tuple[str, str, str]) -> str:
        _kind, text, unit = term
        if unit == "hours":
            return text.format(h=self.rng.choice([100, 120, 240, 300]))
        return text.format(n=self.rng.choice(NUMBERS[1:7]))

    def document(self, number: int, words: int = 500) -> tuple[str, str]:
        """(file name, Markdown text) of document `number`."""
        rng = self.rng
        # Recent and prominent cases are reported more often (a long tail of small ones).
        case = self.cases[min(int(rng.paretovariate(1.2)) - 1, len(self.cases) - 1)
                          if rng.random() < 0.3 else rng.randrange(len(self.cases))]
        self.last_case = case
        kind = rng.choices([k for k, _ in KINDS], [w for _, w in KINDS])[0]
        lead = case.victims[0]
        published = max([e[1] for e in case.events] + [case.sentence[0] if case.sentence else case.start])
        published += dt.timedelta(days=rng.randint(0, 10))
        title = self._title(case, lead)
        body = [f"{title}", "", self._dateline(case, published, kind)]
        body.append(f"{lead}, {case.roles[0]} of the {case.union} ({case.union_short}), has been targeted "
                    f"by the authorities since the union was formed at {case.company} on {_date(case.start)}.")
        for victim_index, victim in enumerate(case.victims[1:], start=1):
            body.append(f"{victim}, {case.roles[victim_index]} of {case.union_short}, faces the same pressure.")
        for event_type, day, victim in rng.sample(case.events, k=rng.randint(1, len(case.events))):
            sentence = EVENT_PHRASES[event_type].format(
                victim=case.victims[victim], city=case.city, date=_date(day),
                company=case.company, union=case.union)
            body.append(sentence[0].upper() + sentence[1:] + ".")
        if case.sentence:
            day, terms = case.sentence
            body.append(f"On {_date(day)}, the {case.court} sentenced {lead} to {_join(terms)}.")
            if rng.random() < 0.5:
                body.append(f"The court also fined {lead} {rng.randint(2, 90) * 10000:,} {case.currency}.")
            body.append(f"The appeal hearing is scheduled for {_date(case.hearing)} before the regional court.")
        filler = BACKGROUND + STANDARDS + self._local(case)
        rng.shuffle(filler)
        while _count_words(body) < words - 30 and filler:
            body.append(" ".join(filler.pop() for _ in range(min(len(filler), rng.randint(1, 3)))))
        body.append(rng.choice(CALLS))
        body.append(f'"We will not be silenced," said {lead}.')
        text = _front_matter(title, published, kind, case.country, number) + "\n\n".join(body) + "\n"
        return f"{number:07d}-{kind}.md", text

    def _local(self, case: Case) -> list[str]:
        """Sentences with this case's own details, so documents differ beyond names."""
        rng = self.rng
        members = rng.randint(3, 90) * 100
        return [
            f"The {case.union_short} represents some {members:,} workers at {case.company} and its suppliers in {case.city}.",
            f"Management at {case.company} has refused to meet union representatives since {case.start.year}.",
            f"In {case.city}, wages in the sector have not kept pace with prices, and a {rng.randint(8, 14)}-hour day is common.",
            f"Lawyers for the {case.union_short} say the case file contains {rng.randint(2, 40)} volumes but no evidence of a crime.",
            f"Several members of the {case.union} have resigned after pressure from managers and local officials.",
            f"The national centre in {case.country} has called for an independent inquiry into events in {case.city}.",
        ]

    def _title(self, case: Case, lead: str) -> str:
        return self.rng.choice([
            f"{case.country}: Free {lead} and stop the attacks on {case.union_short}",
            f"{case.country}: union leader {lead} targeted in {case.city}",
            f"Urgent appeal: {lead} and the {case.union}",
            f"{case.country}: repression of {case.union_short} continues",
        ])

    def _dateline(self, case: Case, published: dt.date, kind: str) -> str:
        if kind == "letter":
            return f"{case.city}, {_date(published)}\n\nDear Minister,"
        return f"{case.city}, {_date(published)} – Trade unions denounced new attacks on workers' rights."


def _date(day: dt.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _count_words(parts: list[str]) -> int:
    return sum(len(p.split()) for p in parts)


def _front_matter(title: str, published: dt.date, kind: str, country: str, number: int) -> str:
    return (f'---\ntitle: "{title}"\npublished: {published.isoformat()}\nkind: {kind}\n'
            f"country: {country}\nsource_url: https://example.org/bench/{number}\n---\n")


def generate(out_dir: Path, count: int, seed: int = 7, words: int = 500, start: int = 0) -> list[Path]:
    """Write `count` documents into `out_dir` (1,000 per sub-folder); returns the folders."""
    generator = Generator(seed=seed, cases=max(50, count // 20))
    folders: list[Path] = []
    for number in range(start, start + count):
        folder = out_dir / f"{number // 1000:04d}"
        if not folders or folders[-1] != folder:
            folder.mkdir(parents=True, exist_ok=True)
            folders.append(folder)
        name, text = generator.document(number, words)
        (folder / name).write_text(text, encoding="utf-8")
    return folders


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--words", type=int, default=500)
    args = parser.parse_args(argv)
    if args.count < 1:
        print("generate: --count must be at least 1", file=sys.stderr)
        return 2
    generate(args.out_dir, args.count, args.seed, args.words)
    print(f"generate: {args.count} documents in {args.out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
