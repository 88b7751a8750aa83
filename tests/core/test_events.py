"""Events: cues, negations, aggregates, dedupe, decisions and upcoming steps, on written sentences."""

from unionwatch.core import extract_text
from unionwatch.core.types import DocumentMeta


def _events(text: str, date: str | None = "2022-05-10"):
    return extract_text(text, DocumentMeta(date=date)).events


def _types(text: str, date: str | None = "2022-05-10") -> list[str]:
    return [e.type for e in _events(text, date)]


def test_one_event_per_incident_and_type():
    text = (
        "Police arrested union leader Omar Said on 3 May 2022. "
        "Said was arrested at his home, his colleagues said. The arrest shocked workers."
    )
    events = _events(text)
    assert [e.type for e in events] == ["arrest"]
    assert events[0].date == "2022-05-03" and events[0].victims == ["Omar Said"]


def test_a_new_date_is_a_new_arrest():
    text = "Nadia Kerr was arrested in January 2021. She was re-arrested on 4 March 2022."
    assert [(e.type, e.date) for e in _events(text)] == [("arrest", "2021-01"), ("arrest", "2022-03-04")]


def test_calls_releases_and_hypotheses_are_not_events():
    text = (
        "We call for the release of Ali Demir, who faces charges. "
        "The federation demands that the authorities stop harassing workers. "
        "She risks being sentenced to five years. No one was arrested."
    )
    assert "sentencing" not in _types(text) and "arrest" not in _types(text)


def test_release_with_conditions_keeps_the_travel_ban():
    text = "The court ordered the release of Ana Ruiz, banning her from travelling abroad."
    assert "travel_restriction" in _types(text)


def test_aggregate_statements_are_not_incidents():
    text = "He is the 40th victim of extrajudicial killings since 2016. Cases of arrests of workers are growing."
    assert _types(text) == []


def test_speakers_are_not_victims():
    text = 'Police detained 20 workers on 2 May 2022, said Lena Park, a spokesperson for the union.'
    arrest = _events(text)[0]
    assert "Lena Park" not in arrest.victims


def test_sentence_terms_are_not_separate_events():
    text = (
        "On 2 May 2022 the Central Court sentenced union leader Dana Orlova to three years of restriction "
        "of movement and a two-year ban on holding office."
    )
    assert _types(text) == ["sentencing"]


def test_decision_event_when_the_measure_is_a_travel_restriction():
    text = "Maria Campos will be required to live at her home address for the next 2 1/2 years, according to a judge's order."
    result = extract_text(text, DocumentMeta(date="2020-07-03"))
    assert [e.type for e in result.events] == ["travel_restriction"]
    assert [(t.kind, t.amount, t.unit) for t in result.court_decisions[0].terms] == [
        ("restriction_of_movement", 2.5, "years")
    ]


def test_property_damage_and_family():
    text = (
        "On 14 May the car of Nina Sato's son was set on fire. "
        "Her relatives were threatened by unknown men."
    )
    types = _types(text)
    assert "property_damage" in types and "intimidation_of_family" in types


def test_upcoming_hearing_and_end_of_detention():
    text = (
        "Ivo Lenz is in pre-trial detention until 25 June. "
        "On 27 May there will be a hearing in the appeal court."
    )
    upcoming = extract_text(text, DocumentMeta(date="2022-05-10")).upcoming
    assert [(u.what, u.date) for u in upcoming] == [
        ("end of detention term", "2022-06-25"),
        ("appeal hearing", "2022-05-27"),
    ]


def test_past_dates_are_not_upcoming():
    text = "The hearing was held on 2 May and will resume later."
    assert extract_text(text, DocumentMeta(date="2022-05-10")).upcoming == []


def test_upcoming_from_postponements_appearances_and_term_ends():
    text = (
        "The next hearing was postponed to 3 March. He must appear in court on 5 April. "
        "The travel ban remains in force until 2025."
    )
    upcoming = extract_text(text, DocumentMeta(date="2022-02-10")).upcoming
    assert [(u.what, u.date) for u in upcoming] == [
        ("hearing", "2022-03-03"),
        ("court appearance", "2022-04-05"),
        ("end of restriction term", "2025"),
    ]


def test_the_day_something_was_said_is_not_the_event_date():
    text = "Police detained five union leaders, the federation said on Thursday."
    assert [e.date for e in _events(text, "2022-10-06")] == [None]


def test_a_dispersed_protest_is_strike_suppression():
    text = "The protest outside the Ministry of Labour was dispersed by police on 3 October."
    assert "strike_suppression" in _types(text, "2022-10-06")


def test_remanded_to_a_date_is_an_upcoming_end_of_detention():
    from unionwatch.core import extract_text
    from unionwatch.core.types import DocumentMeta

    text = "Union leader Ana Ruiz was charged on Monday. The magistrate remanded her in custody to 26 June, her lawyer said."
    result = extract_text(text, DocumentMeta(date="2023-06-14"))
    assert [u.date for u in result.upcoming] == ["2023-06-26"]


import pytest  # noqa: E402


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Police used water hoses to disperse some 200 workers who had occupied the depot.", "strike_suppression"),
        ("Officers broke up the gathering outside the ministry.", "strike_suppression"),
        ("The union asked a court to lift the police ban on its planned rally.", "strike_suppression"),
        ("Plain-clothes agents picked up union organiser Ana Ruiz from her flat at dawn.", "arrest"),
        ("A magistrate refused bail and the two organisers were sent to jail.", "detention"),
        ("He was then held for twelve days without access to a lawyer.", "detention"),
        ("Prosecutors accuse Ana Ruiz and three colleagues of organising an illegal strike.", "charges"),
        ("The mill has since terminated 40 workers who joined the union.", "dismissal"),
        ("The union applied for registration in May, but the ministry rejected the application in June.", "registration_refusal"),
        ("The dock workers' union lost its registration when the registrar cancelled it.", "deregistration"),
        ("The union was among 20 organisations that the junta declared unlawful.", "deregistration"),
        ("The ministry warned that nurses joining the strike would be dismissed.", "threat"),
        ("Her sister was questioned by police for five hours about the union.", "intimidation_of_family"),
        ("Two men went to the house of his mother and asked where he was.", "intimidation_of_family"),
        ("Agents searched nothing but took away her laptop and union papers.", "raid"),
        ("The employer has refused to meet the union since March.", "bargaining_refusal"),
        ("Ministers have described the union as a criminal gang.", "harassment"),
        ("He was detained in June and the authorities have not said where he is being held.", "disappearance"),
    ],
)
def test_generalised_event_cues(text, kind):
    assert kind in _types(text)


def test_not_events():
    assert "interrogation" not in _types("He was kept awake at a military interrogation centre.")
    assert "bargaining_refusal" not in _types("The government's refusal to recognise the rights of workers.")
    assert "killing" not in _types("She is the third member of the union killed since 2019.")
    assert "charges" not in _types("Unions say dozens of their members have been prosecuted.")


def test_arrest_and_holding_in_one_sentence_give_both():
    kinds = _types("Union treasurer Ana Ruiz was arrested at the rally and held at a police station for three days.")
    assert "arrest" in kinds and "detention" in kinds


def test_a_relative_questioned_is_intimidation_of_family_only():
    kinds = _types("Union leader Ana Ruiz fled abroad. Her brother was questioned for hours at a police station.")
    assert "intimidation_of_family" in kinds and "interrogation" not in kinds


def test_the_jailing_verb_of_a_ruling_is_the_sentencing():
    kinds = _types("On 3 May a judge jailed union leader Pedro Lima, 52, for two years.")
    assert "sentencing" in kinds and "imprisonment" not in kinds


def test_an_acquittal_is_not_a_sentencing_event():
    kinds = _types("On Monday an appeals court acquitted union member Sara Haddad of insulting a public body.")
    assert "sentencing" not in kinds


def test_a_release_does_not_cancel_a_ban_joined_by_and():
    kinds = _types("Six union members were freed under judicial control and barred from travelling abroad.")
    assert "travel_restriction" in kinds
    assert "arrest" not in _types("The court ordered that Ana Ruiz be released and reinstated.")


def test_a_long_warning_of_disciplinary_action_is_a_threat():
    text = (
        "The ministry issued a circular on 3 May warning that teachers who join \"unauthorised assemblies\" "
        "will face disciplinary action."
    )
    assert "threat" in _types(text)


# ---------------------------------------------------------------- verb frames (issue 3)
# Sentences written for these tests; each frame kind in several voices.


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # passive: the subject is the victim
        ("Union steward Omar Haddad was seized by masked officers outside the depot on 4 May.", "arrest"),
        ("The organisers were handcuffed and led away in front of their colleagues.", "arrest"),
        ("Two shop stewards were rounded up at the bus terminal.", "arrest"),
        ("Lina Farouk was slapped and pushed to the ground by a security guard.", "assault"),
        ("The strikers were clubbed by riot police at the mill gate.", "assault"),
        ("The union president was repeatedly questioned about the strike fund.", "interrogation"),
        ("The treasurer was followed home by two men in an unmarked car for a week.", "surveillance"),
        ("Eleven members of the drivers' union were sacked in March.", "dismissal"),
        ("Several organisers were deported after their press conference.", "other"),
        # the taxonomy: a strike is suppressed when "strikers are punished"; sending them out of the country does
        ("Several organisers were deported after the stoppage.", "strike_suppression"),
        # active: the object is the victim
        ("Soldiers beat striking miners with rifle butts.", "assault"),
        ("Plain-clothes agents seized Omar Haddad at his home before dawn.", "arrest"),
        ("Officers took twelve picketers to a police station in the city centre.", "arrest"),
        ("The port company suspended nine union officers for 'disloyalty'.", "dismissal"),
        ("Police stormed the union's headquarters and carried away computers and membership lists.", "raid"),
        # nominalisations
        ("The arrest of Omar Haddad on 4 May sparked protests.", "arrest"),
        ("Her deportation followed a week in custody.", "other"),
        # longer frames
        ("They spent nine days in the pre-trial detention centre before a judge freed them on bail.", "detention"),
        ("The workers were held overnight at the central police station.", "detention"),
        ("Since the verdict, Omar Haddad has been held in the Northern prison.", "imprisonment"),
        ("At least 20 marchers were treated in hospital after police used batons.", "assault"),
        ("Police fired tear gas at a march of garment workers in the capital.", "strike_suppression"),
        ("Troops ordered the strikers to disperse within ten minutes.", "strike_suppression"),
        ("Managers told the strikers they would be dealt with if they did not resume work.", "strike_suppression"),
        ("His wife has received anonymous phone calls since the strike began.", "intimidation_of_family"),
        ("Her son was summoned twice by the security police in January.", "intimidation_of_family"),
        ("The regional registrar refused, for the second time, to register the branch.", "registration_refusal"),
        ("On 2 March the ministry cancelled the legal personality of the teachers' union.", "deregistration"),
        ("The company kept his passport for two months.", "travel_restriction"),
        ("Two union members were tried alongside the chairman.", "charges"),
        ("He returned home to find his door forced and his union papers stolen.", "property_damage"),
        ("He received threatening text messages after the meeting.", "threat"),
    ],
)
def test_verb_frames(text, kind):
    assert kind in _types(text)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("We urge the government to ensure that the dismissal of union members stops, that the harassment of her family ends.", "harassment"),
        ("Police registered a case against 30 strikers for vandalism and unrest.", "property_damage"),
        ("More than 60 unionists have been killed in the country since 2010.", "killing"),
        ("At least fifteen teachers remain in prison across the region.", "imprisonment"),
        ("Over 200 nurses have been dismissed from public clinics since 2019.", "dismissal"),
        ("A suspect detained on Monday will appear in court next week.", "arrest"),
        ("The court is due to review the workers' detention on 3 March.", "arrest"),
        ("The federation voted to disband in 2021.", "deregistration"),
        ("Flogging a worker for his union work is cruel.", "assault"),
        ("He was held incommunicado at the Central detention centre for a week.", "disappearance"),
        ("She was placed under house arrest in her flat.", "arrest"),
        ("Rescuers seized the moment to free the trapped miners.", "arrest"),
    ],
)
def test_not_events_of_that_type(text, kind):
    assert kind not in _types(text)


def test_victims_of_passive_and_plural_back_reference():
    text = (
        "Police arrested union leaders Ana Ruiz and Pablo Vega on 2 May 2022 in Quito. "
        "Both were held for six days without charge."
    )
    events = _events(text)
    detention = next(e for e in events if e.type == "detention")
    assert set(detention.victims) == {"Ana Ruiz", "Pablo Vega"}


def test_possessive_nominal_takes_the_antecedent_and_merges():
    text = "Police detained organiser Lina Farouk on 3 May 2022. Her arrest came a day after the strike began."
    arrests = [e for e in _events(text) if e.type == "arrest"]
    assert len(arrests) == 1 and arrests[0].victims == ["Lina Farouk"]


def test_relative_acts_are_the_family_ordeal_only():
    text = "Union leader Omar Haddad fled abroad. His brother was dismissed from the hospital after 20 years."
    kinds = _types(text)
    assert "intimidation_of_family" in kinds and "dismissal" not in kinds


def test_strike_coercion_is_not_a_separate_threat():
    text = "Riot police surrounded the factory gates and warned the strikers that anyone who did not go back to work would be arrested."
    kinds = _types(text)
    assert "strike_suppression" in kinds and "threat" not in kinds


def test_held_since_the_arrest_is_detention_not_imprisonment():
    text = "Omar Haddad was arrested on 9 May 2022 and has been behind bars ever since."
    kinds = _types(text)
    assert "detention" in kinds and "imprisonment" not in kinds


def test_scene_date_from_the_paragraph():
    text = (
        "On 14 August 2022, about 50 dockers gathered outside the port office. They had not been paid since April. "
        "Police arrived and took at least 30 dockers to a police station."
    )
    arrest = next(e for e in _events(text) if e.type == "arrest")
    assert arrest.date == "2022-08-14"


def test_a_later_finer_date_refines_the_same_incident():
    text = (
        "Police arrested dozens of striking guards in August 2022, the union said. "
        "On 14 August 2022 police took about 40 guards to a police station."
    )
    arrests = [e for e in _events(text) if e.type == "arrest"]
    assert [a.date for a in arrests] == ["2022-08-14"]


def test_arrested_with_them_joins_the_incident():
    text = (
        "Police arrested Ana Ruiz, Pablo Vega and Lina Farouk on 10 June 2022. "
        "A fourth organiser, Omar Haddad, who was arrested with them, was fined."
    )
    arrests = [e for e in _events(text) if e.type == "arrest"]
    assert len(arrests) == 1 and "Omar Haddad" in arrests[0].victims


def test_inflections_are_generated():
    from unionwatch.core.stages.events_frames import inflections

    assert inflections("slap", {})[1] == "slapped"
    assert inflections("seize", {})[1] == "seized"
    assert inflections("question", {})[1] == "questioned"
    assert "picking up" in inflections("pick up", {})[0]
    assert inflections("beat", {"beat": ["beat", "beaten"]})[1] == "beaten"
    assert "denies" in inflections("deny", {})[0]


# More phrasings, one per frame or filter, written for these tests.
_MORE_FRAMES = [
 ("Security agents abducted the union's secretary from his car on 3 May.", "disappearance"),
 ("His family has not heard from him since he was taken away by men in uniform.", "arrest"),
 ("Police hauled away six picketers and held them overnight.", "arrest"),
 ("Police hauled away six picketers and held them overnight.", "detention"),
 ("Officers kicked and punched the shop steward until he lost consciousness.", "assault"),
 ("Guards attacked the strikers with iron bars.", "assault"),
 ("She suffered a broken arm when police charged the crowd.", "assault"),
 ("Riot police broke up the sit-in at the ministry on Friday.", "strike_suppression"),
 ("The labour court declared the strike illegal on 5 May.", "strike_suppression"),
 ("The authorities banned the May Day march.", "strike_suppression"),
 ("The company fired 30 workers who had joined the union.", "dismissal"),
 ("The hotel terminated the contracts of all union members.", "dismissal"),
 ("The union's founder was demoted and transferred to a distant branch.", "dismissal"),
 ("Management refused to recognise the union.", "bargaining_refusal"),
 ("The union's bank accounts were frozen by order of the prosecutor.", "asset_freeze"),
 ("Prosecutors opened a criminal case against the union leader for 'organising mass unrest'.", "charges"),
 ("The union leader was indicted on terrorism charges.", "charges"),
 ("The court sentenced him to three years in prison.", "sentencing"),
 ("He is serving a four-year sentence in a penal colony.", "imprisonment"),
 ("Intelligence officers searched her flat and confiscated her phone.", "raid"),
 ("Armed men ransacked the union office overnight.", "raid"),
 ("Gunmen shot and killed the union organiser outside his home.", "killing"),
 ("The body of the missing unionist was found in a river.", "killing"),
 ("The activist has been missing since 2 March.", "disappearance"),
 ("Authorities have refused to disclose where he is being held.", "disappearance"),
 ("The union leader received death threats after the strike.", "threat"),
 ("Unknown men threatened to kill her if she continued organising.", "threat"),
 ("A court ordered the dissolution of the union on 4 April.", "deregistration"),
 ("The ministry shut down the federation's offices.", "deregistration"),
 ("Officials rejected the union's application for registration.", "registration_refusal"),
 ("Her husband was arrested and questioned about her union work.", "intimidation_of_family"),
 ("Police interrogated him for six hours without a lawyer.", "interrogation"),
 ("He was summoned to the prosecutor's office for questioning.", "interrogation"),
 ("The authorities tapped the phones of union leaders.", "surveillance"),
 ("State media branded the strikers as foreign agents.", "harassment"),
 ("He was placed under a travel ban.", "travel_restriction"),
 ("He was barred from leaving the country.", "travel_restriction"),
 ("The court fined the union 2 million pesos.", "fine"),
 ("Police detained her for 48 hours.", "arrest"),
 ("She was remanded in custody for 30 days.", "detention"),
 ("The workers were forced to sign letters renouncing union membership.", "interference"),
 ("Security forces opened fire on striking miners, wounding 12.", "assault"),
]

_MORE_NOT_EVENTS = [
 ("The union called for the release of all detained workers.", "arrest"),
 ("The minister denied that any workers had been arrested.", "arrest"),
 ("He was released on bail on 10 June.", "arrest"),
 ("The unions demand an end to the dismissal of activists.", "dismissal"),
 ("Workers fear they could be dismissed if they join.", "dismissal"),
 ("She was pardoned and released in January.", "imprisonment"),
 ("The court ordered the reinstatement of the dismissed workers.", "dismissal"),
 ("The ILO urged the government to stop harassing unionists.", "harassment"),
 ("The government threatened to dissolve the union.", "deregistration"),
 ("No one has been arrested for the murder.", "arrest"),
 ("Police arrested two suspects in the killing of the union leader.", "arrest"),
 ("The trial of the alleged killers opened in May.", "charges"),
]


@pytest.mark.parametrize(("text", "kind"), _MORE_FRAMES)
def test_more_frames(text, kind):
    assert kind in _types(text, "2022-06-01")


@pytest.mark.parametrize(("text", "kind"), _MORE_NOT_EVENTS)
def test_more_negations_and_non_violations(text, kind):
    assert kind not in _types(text, "2022-06-01")


# Second pass (issue 3): frames and filters for wording the first pass did not know, written for these tests.
_SECOND_PASS_FRAMES = [
 ("A case was lodged by the police against both organisers for rioting.", "charges"),
 ("The indictment against the three teachers runs to 40 pages.", "charges"),
 ("The charge was 'spreading false information'.", "charges"),
 ("The dockers face accusations of sabotage.", "charges"),
 ("A First Information Report was registered against the strike leaders.", "charges"),
 ("Omar Diallo was stopped at a roadblock and taken to an army camp.", "arrest"),
 ("Union steward Lina Okoro, taken by soldiers from her home on 2 May, has not been seen since.", "arrest"),
 ("The five were brought to the prosecutor's building for questioning.", "interrogation"),
 ("The organiser was pushed into a car by three men and driven away.", "disappearance"),
 ("The whereabouts of Pavel Orlov, detained by masked agents outside the depot in the early hours of 4 June, remain unknown.", "disappearance"),
 ("His mother said the family did not know where he was being held.", "disappearance"),
 ("Ali Reza was questioned for hours and kicked and punched by his guards.", "assault"),
 ("The union's secretary suffered a fractured skull.", "assault"),
 ("Sara Bello received a message from a blocked number warning her to drop the case.", "threat"),
 ("A paramilitary group declared the union's board 'military targets'.", "threat"),
 ("Men called at the village home of Rosa Diaz's parents and questioned them about her.", "intimidation_of_family"),
 ("Her brother lost his job at the water board a week later.", "intimidation_of_family"),
 ("The regional organiser lost her job two weeks after the ballot.", "dismissal"),
 ("After the strike the union's secretary was transferred from the main plant to a depot 200 km away.", "dismissal"),
 ("The company dismissed Nour Haddad in March.", "dismissal"),
 ("The works council's secretary, Ana Vidal, received four years and six months.", "sentencing"),
 ("Tomas Ruiz was given two years, suspended for three years.", "sentencing"),
 ("Pedro Gil was led to prison straight from the dock.", "imprisonment"),
 ("She is due to complete her sentence next spring.", "imprisonment"),
 ("Their passports were taken as a condition of bail.", "travel_restriction"),
 ("Ms Lund may not travel abroad while her case is on appeal.", "travel_restriction"),
 ("He was prevented from boarding a flight to Brussels.", "travel_restriction"),
 ("The demonstrators were dispersed by mounted police.", "strike_suppression"),
 ("The union's account at the state bank was blocked in May.", "asset_freeze"),
 ("The ministry refused to re-register the federation.", "registration_refusal"),
 ("The employer declined to recognise the union.", "bargaining_refusal"),
 ("The factory refused to receive the union's list of demands.", "bargaining_refusal"),
 ("Management has not answered the union's request for recognition.", "bargaining_refusal"),
 ("The company set up a workers' committee of its own choosing.", "interference"),
 ("The prosecutor ordered four workers of the national railway company held for 15 days.", "detention"),
 ("They were driven to a sports hall and held there until midnight.", "detention"),
 ("The two were sent to judicial custody on Friday.", "detention"),
 ("Eleven nurses were hurt when guards attacked the picket line.", "assault"),
 ("The dismissed organiser says the company blacklisted her across the industrial zone.", "dismissal"),
 ("The union is still waiting for its registration certificate.", "registration_refusal"),
 ("Masked men broke into the office and stole two laptops.", "property_damage"),
 ("Plain-clothes officers have been stationed outside the union office since the strike.", "surveillance"),
 ("His lawyer has not been allowed to see him since his arrest on 4 May.", "arrest"),
]

_SECOND_PASS_NOT_EVENTS = [
 ("A large sum was missing from the union's accounts, the prosecutor said.", "disappearance"),
 ("Members said their personal documents had gone missing.", "disappearance"),
 ("The union accused the authorities of inventing technicalities.", "charges"),
 ("The ministry insists that no trade unionist is prosecuted for union work.", "charges"),
 ('"They have not put me behind bars, but they watch every step," she said.', "imprisonment"),
 ("The employers want the strike leaders behind bars.", "imprisonment"),
 ("She was summoned to report to the prison on 1 May to begin serving her sentence.", "imprisonment"),
 ("Several workers were injured in the stampede that followed.", "assault"),
 ("We urge you to investigate the threats against the union's leaders.", "threat"),
 ("The union calls for the release of Lev Ivanov and Oleg Sid, two organisers imprisoned after the strike.", "imprisonment"),
 ("Agents searched the union's office and the laptops and archives were taken away.", "arrest"),
 ("The military seized power in a coup in February.", "raid"),
 ("Volunteers searched the hospitals of the district for him.", "raid"),
 ("The rally was held outside the ministry on Monday.", "detention"),
 ("The vote was followed by a press conference.", "surveillance"),
 ("At least 14 unionists were killed in 2022, the report found.", "killing"),
 ("The workers received three months of back pay.", "sentencing"),
 ("The registry refused to register a complaint filed by the union.", "registration_refusal"),
 ("The court dismissed the appeal of the union.", "dismissal"),
 ("Agents seized her laptop during the search.", "arrest"),
 ("Since 2020 the authorities have detained at least 45 trade unionists.", "arrest"),
 ("Members were forced to resign from the union under threat of dismissal.", "dismissal"),
]


@pytest.mark.parametrize(("text", "kind"), _SECOND_PASS_FRAMES)
def test_second_pass_frames(text, kind):
    assert kind in _types(text, "2022-06-01")


@pytest.mark.parametrize(("text", "kind"), _SECOND_PASS_NOT_EVENTS)
def test_second_pass_non_events(text, kind):
    assert kind not in _types(text, "2022-06-01")


def test_a_heading_line_is_no_incident():
    text = "Appeal: threats against dockers\n\nThe union thanks its partners for their support."
    assert _types(text) == []


def test_parts_of_a_sentence_received_are_terms():
    text = "Dana Ivic was tried with him and received eight months, suspended, and a fine of 1,000 euros."
    assert _types(text) == ["sentencing"]


def test_one_year_in_prison_is_the_sentence_not_a_term_served():
    assert _types("The treasurer, Ivo Maric, was given one year in prison.") == ["sentencing"]


def test_a_travel_ban_dated_apart_from_the_ruling_is_an_event():
    text = (
        "On 4 May 2021 the Oran court sentenced Karim Saadi to one year in prison. "
        "In June 2021, Saadi was stopped at the airport and prevented from boarding a flight to Geneva."
    )
    assert "travel_restriction" in _types(text)


def test_killing_by_gunfire_is_no_assault_beside_it():
    assert _types("Ko Min was killed on 3 March 2021 when soldiers opened fire on a march.") == ["killing"]


def test_a_fatal_shooting_told_apart_is_the_killing():
    text = (
        "Union organiser Rafael Mena was killed on 3 March 2023 in Tumaco. "
        "Two gunmen on a motorcycle opened fire on him as he left a union meeting."
    )
    assert _types(text) == ["killing"]


def test_a_relative_held_is_the_family_event():
    text = "His home was searched twice, and his younger brother was detained for a week by soldiers."
    types = _types(text)
    assert "intimidation_of_family" in types and "arrest" not in types


def test_the_unionist_held_with_a_relative_keeps_the_arrest():
    assert "arrest" in _types("Omar Bakri and his brother were arrested on 2 May.")


def test_named_members_join_the_union_victim_of_one_arrest():
    text = (
        "The federation condemns the arrest of three of the Dock Workers' Union's leaders. "
        "Secretary Ana Moss, treasurer Ben Ode and organiser Cy Lee were taken away by police."
    )
    assert _types(text) == ["arrest"]


def test_a_plural_subject_names_the_group_despite_a_later_name():
    text = (
        "Police arrested Ana Moss, Ben Ode and Cy Lee on 2 May 2022. "
        "The three spent two nights in the cells before a judge granted bail to Moss on 4 May. "
        "Ode and Lee remain in custody."
    )
    detention = [e for e in _events(text) if e.type == "detention"]
    assert len(detention) == 1 and {"Ana Moss", "Ben Ode", "Cy Lee"} <= set(detention[0].victims)


def test_defendants_sentenced_together_keep_one_event_each():
    text = (
        "On 4 May 2022 the court sentenced Karim Saadi to one year in prison. "
        "Our vice-president, Lina Amar, was tried with him and received six months, suspended."
    )
    sentencing = [e for e in _events(text) if e.type == "sentencing"]
    assert len(sentencing) == 2


def test_a_hearing_to_come_does_not_date_the_charge():
    text = "Ana Ruiz and Ben Ode have been charged with incitement and are due in court on 20 May."
    charges = [e for e in _events(text, "2022-05-10") if e.type == "charges"]
    assert charges and charges[0].date is None


def test_the_end_of_a_detention_does_not_date_it():
    text = "On 25 April Kiril Ozerov was arrested and sent to prison for two months, until 25 June."
    dates = {e.type: e.date for e in _events(text, "2022-05-10")}
    assert dates.get("arrest") == "2022-04-25" and dates.get("detention") in (None, "2022-04-25")


def test_a_bullet_without_full_stop_still_tells_an_incident():
    text = "Incidents\n\n- 3 May: police arrested 12 dockers at the port\n- 5 May: the union office was raided"
    assert _types(text) == ["arrest", "raid"]


def test_a_sentence_received_is_a_sentencing():
    assert _types("Ana Ruiz received a three-year prison sentence on 4 May.") == ["sentencing"]


# ---------------------------------------------------------------- floors on the annotated sets
_ROOT = __import__("pathlib").Path(__file__).resolve().parents[2]
_SETS = {
    "dev": (_ROOT.parent / "shared" / "dev-corpus", 0.93),
    "heldout": (_ROOT / "tests" / "heldout", 0.93),
    "heldout2": (_ROOT / "tests" / "heldout2", 0.95),
    # opened for error analysis in the second pass (issue 3): a floor, no longer a blind estimate
    "heldout3": (_ROOT / "tests" / "heldout3", 0.95),
    # opened in the third pass (issue 3); its gold gives one sentencing event per verdict where the
    # other sets give one per defendant's sentence, which costs a few points of precision here
    "heldout4": (_ROOT / "tests" / "heldout4", 0.90),
    # opened in the fourth pass (issue 3); 0.795 when opened, 0.895 after the fifth pass
    "heldout5": (_ROOT / "tests" / "heldout5", 0.86),
    # opened in the fifth pass (issue 3); 0.663 when opened, 0.865 after it
    "heldout6": (_ROOT / "tests" / "heldout6", 0.83),
    # opened in the sixth pass (issue 3); 0.777 when opened, 0.828 after it
    "heldout7": (_ROOT / "tests" / "heldout7", 0.80),
    # opened in the seventh pass (issue 3); 0.667 when opened, 0.798 after it
    "heldout8": (_ROOT / "tests" / "heldout8", 0.77),
}


@pytest.mark.parametrize("name", sorted(_SETS))
def test_events_f1_floor(name):
    """A little under the measured events F1 (third pass: dev 0.944, heldout 0.970, heldout2 0.986,
    heldout3 0.984, heldout4 0.94), so regressions fail."""
    from unionwatch.core.evaluate import evaluate

    folder, floor = _SETS[name]
    if not (folder / "gold").is_dir():
        pytest.skip(f"{folder} not available")
    assert evaluate(folder / "docs", folder / "gold")["fields"]["events"]["f1"] >= floor


# ---------------------------------------------------------------- third pass: classes of wording (issue 3)
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # custody with a long object between the verb and "into custody"
        ("Officers took the branch chair and four shop stewards of the dockers' union into custody.", "arrest"),
        ("Soldiers took three members of the teachers' association into custody at dawn.", "arrest"),
        ("Police placed Omar Said under arrest outside the factory.", "arrest"),
        # a participle in a list of what was done
        ("She said she had been blindfolded, beaten with sticks and left at the roadside.", "assault"),
        ("They were stripped, tortured and questioned for two days.", "assault"),
        ("Guards fired rubber bullets into the crowd of marchers.", "assault"),
        # crowd weapons, removal of strikers, strikes declared illegal in both voices
        ("Police fired tear gas at hundreds of striking nurses outside the ministry.", "strike_suppression"),
        ("Riot police used water cannon against bus drivers blocking the depot.", "strike_suppression"),
        ("Security guards evicted the striking loggers from their camp.", "strike_suppression"),
        ("Police cleared some 200 dockers who were occupying the quay.", "strike_suppression"),
        ("Officers removed the hunger strikers from the ministry lobby by force.", "strike_suppression"),
        ("The labour office declared the stoppage \"unprotected\" on its second day.", "strike_suppression"),
        ("The walkout, now in its fifth day, was declared unlawful by the High Court.", "strike_suppression"),
        # stigmatising labels
        ("Posters in the town branded the union's leaders as \"terrorist sympathisers\".", "harassment"),
        ("The governor has called striking teachers \"saboteurs\" and described their union officers as enemies of the state.", "harassment"),
        # visits to a relative's home
        ("Soldiers visited the home of the organiser's elderly father twice in one week.", "intimidation_of_family"),
        # refusals with adverbials, unilateral changes
        ("The port authority has refused for two years to negotiate with the dockers' union.", "bargaining_refusal"),
        ("The company unilaterally cut the night-shift allowance in March.", "bargaining_refusal"),
        ("Management reduced overtime rates without any consultation with the union.", "bargaining_refusal"),
        # employer-made bodies
        ("Supervisors pressured workers to join a new \"staff forum\" set up by the owners.", "interference"),
        ("The committee's members were appointed by management.", "interference"),
        # sanctions warned of, however long the condition
        ("A manager warned them that their contracts would not be renewed.", "threat"),
        ("The mayor warned that any sweeper who stayed away another day would be \"replaced at once\".", "threat"),
        # letters of dismissal
        ("Twelve union members were handed letters of dismissal on Friday.", "dismissal"),
        ("The bank sent termination notices to the branch committee of the union.", "dismissal"),
        # charges in the present tense, sentences handed down, terms served
        ("Prosecutors accuse her of inciting the strike.", "charges"),
        ("The tribunal handed down prison sentences to four bus drivers.", "sentencing"),
        ("He had served three years of a seven-year term when he was pardoned.", "imprisonment"),
        ("The two were led out of the court to serve their sentences.", "imprisonment"),
        # orders not to leave
        ("The judge placed Ana Ruiz under judicial supervision, forbidding her to leave the province while the case is open.", "travel_restriction"),
        # abduction into vehicles, with several adjectives
        ("He was pushed into a white unmarked pick-up by three men as he left the depot.", "disappearance"),
    ],
)
def test_third_pass_classes(text, kind):
    assert kind in _types(text)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a sanction held out is not carried out
        ("Intelligence officers threatened her with arrest if she spoke to the press.", "arrest"),
        ("The manager threatened them with dismissal.", "dismissal"),
        # attributive participles name people by an act told before
        ("All five arrested strikers were freed on bail on 8 May.", "arrest"),
        ("The ten dismissed workers marched to the labour office.", "dismissal"),
        # a negated subject, however long
        ("No member of the security forces has been tried for the deaths.", "charges"),
        ("No officer of the provincial police has been charged.", "charges"),
        # counts and characterisations of an act told before
        ("This was the third search of the union's premises since January.", "raid"),
        ("The monitors have documented 40 arrests since 2019, 12 of whom are still in prison.", "imprisonment"),
        # labels that are not about people
        ("The indictment described the payment of dues as \"financing\".", "harassment"),
        # the employer's reason for a dismissal is no criminal charge
        ("The firm sent dismissal letters to 30 workers, accusing them of gross misconduct.", "charges"),
        # demands
        ("We demand the withdrawal of all charges against the strikers.", "charges"),
    ],
)
def test_third_pass_non_events(text, kind):
    assert kind not in _types(text)


def test_the_relative_clause_of_a_subject_does_not_negate_its_verb():
    text = "Those who were not deported at once were held at a police camp for three days."
    assert "detention" in _types(text)


def test_a_term_of_detention_beside_a_sentence_is_no_detention():
    for text in (
        "Mr Osei was sentenced to 10 days of administrative detention.",
        "The court sentenced her to 15 days' administrative detention.",
    ):
        assert _types(text, "2022-03-01") == ["sentencing"], text


def test_lengths_before_a_prison_make_a_sentence_but_time_served_does_not():
    assert "sentencing" in _types("- Ali Noor: six years in a strict-regime penal colony.")
    assert "imprisonment" in _types("Ali Noor has spent six years in prison for his union work.")


def test_a_remand_in_a_named_prison_is_detention():
    types = _types("He was held in solitary confinement in Evin prison for 41 days before being bailed.")
    assert "detention" in types and "imprisonment" not in types


def test_a_speaker_who_tells_of_their_ordeal_is_the_victim():
    text = (
        "Union leader Jonas Kamau was picked up on 3 May. "
        "Anna Berg told reporters that an officer slapped her at the station."
    )
    assault = next(e for e in _events(text) if e.type == "assault")
    assert assault.victims == ["Anna Berg"]


def test_a_pronoun_far_from_the_act_is_not_its_victim():
    text = (
        "Mary Ochieng chairs the union. "
        "On 3 May the registrar suspended the registration of the union pending what he called an audit."
    )
    event = next(e for e in _events(text) if e.type == "deregistration")
    assert "Mary Ochieng" not in event.victims


def test_a_plural_subject_after_an_adverbial_names_the_group():
    text = (
        "Police arrested Ana Ruiz and Omar Said on 3 May 2022. "
        "This morning the two were charged with obstruction."
    )
    charges = next(e for e in _events(text) if e.type == "charges")
    assert set(charges.victims) >= {"Ana Ruiz", "Omar Said"}


def test_asides_and_statement_days_do_not_date_an_act():
    text = "Omar Said, who has led the union since 2019, was abducted by four men on 24 August 2022."
    assert [e.date for e in _events(text, "2022-09-05") if e.type == "disappearance"] == ["2022-08-24"]
    text = "The union's office, which opened in 2015, was raided on 2 March 2022."
    assert [e.date for e in _events(text) if e.type == "raid"] == ["2022-03-02"]


def test_until_a_date_when_dates_the_act():
    text = "The union operated until September 2021, when the registrar cancelled its registration."
    assert [e.date for e in _events(text) if e.type == "deregistration"] == ["2021-09"]


def test_missing_before_a_body_is_found_is_part_of_the_killing():
    text = (
        "On 2 February 2022, the body of Ana Ruiz, treasurer of the union, was found beside the road. "
        "She had been missing since the previous evening."
    )
    assert _types(text) == ["killing"]
    assert "disappearance" in _types("Omar Said has been missing since 3 May, his family said.")


def test_a_fine_on_a_union_beside_a_ruling_stays_an_event():
    text = (
        "On 4 April the court gave union officer Kim Lee a suspended sentence of ten months. "
        "In February, the competition authority fined the Metal Workers Federation 2 million won."
    )
    assert "fine" in _types(text, "2024-04-08")


# ---------------------------------------------------------------- fourth pass (issue 3): classes, own sentences
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The two were seized outside the depot by plain-clothes officers on 3 May 2022.", "arrest"),
        ("She was seized near the market on 3 May 2022 and driven away.", "arrest"),
        ("Lina Ortega was grabbed by officers as she left the union office on 3 May 2022.", "arrest"),
        ("The five dockers are accused of blocking the port.", "charges"),
        ("Union secretary Bo Lind stands accused of inciting a strike.", "charges"),
    ],
)
def test_fourth_pass_classes(text, kind):
    assert kind in _types(text)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The two were seized outside the depot by officers on 3 May 2022.", "raid"),
        ("They are charged with blocking a road, an offence punishable by up to five years' imprisonment.", "sentencing"),
        ("Blocking a road is liable to two years in prison under the new code.", "sentencing"),
        ("Lina Ortega suffered a broken arm and was kept in hospital for a week.", "detention"),
        ("He was held in intensive care for two days after the beating.", "detention"),
        ("The monitor has recorded 41 arrests of trade unionists since 2020.", "arrest"),
        ("Our centre documented 17 dismissals of union members in the sector last year.", "dismissal"),
        ("The federation counts 12 killings of organisers in the region.", "killing"),
    ],
)
def test_fourth_pass_non_events(text, kind):
    assert kind not in _types(text)


# ---------------------------------------------------------------- fifth pass (issue 3): classes, own sentences
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # taken from where a person lives, works or studies
        ("Security agents took Omar Said from his office on 3 May 2022.", "arrest"),
        ("The three shop stewards were taken from their homes before dawn by police.", "arrest"),
        ("Soldiers took her away from the classroom in front of her pupils.", "arrest"),
        # a part of a group as the object
        ("Officers picked up six of the union's delegates outside the gate.", "arrest"),
        ("Police rounded up dozens of the federation's members at the rally.", "arrest"),
        ("Guards detained three of its leaders at the plant.", "arrest"),
        # loaded into vehicles
        ("Twenty strikers were loaded into police vans and driven away.", "arrest"),
        ("Officers bundled the organisers into a waiting truck.", "arrest"),
        ("She was pushed into an army jeep at the checkpoint.", "arrest"),
        ("He was taken back into custody after the hearing.", "arrest"),
        # forced entry and searches
        ("Officers forced their way into the union's office and took its files.", "raid"),
        ("Police burst into the federation headquarters late at night.", "raid"),
        ("Agents entered his flat without a warrant and looked through his papers.", "raid"),
        ("His laptop and the union's stamp were removed during the searches.", "raid"),
        # held in isolation
        ("Omar Said spent twelve days in solitary confinement in the city jail.", "detention"),
        ("She spent a week in isolation at the military base.", "detention"),
        # the body found
        ("His body was found in a ditch near the plantation two days later.", "killing"),
        ("Her lifeless body was discovered on a riverbank.", "killing"),
        # attacks in other wordings
        ("Workers leaving the meeting were set upon by a gang of men.", "assault"),
        ("A video showed guards kicking strikers lying on the ground.", "assault"),
        ("Riot police charged the crowd with batons outside the depot.", "assault"),
        ("The striking loggers were baton-charged by police.", "assault"),
        ("Ana Ruiz was treated for a fractured skull.", "assault"),
        ("The body bore marks of torture.", "assault"),
        # threats of closure or of handing over to the police
        ("Managers told staff that the plant would close if they voted for the union.", "threat"),
        ("The owner warned workers the factory would shut down unless they left the union.", "threat"),
        ("The director informed employees that anyone who joined the union would be reported to the police.", "threat"),
        # questioning in other wordings
        ("Officers questioned four members of the union about the strike.", "interrogation"),
        ("Omar Said was released after giving a statement to prosecutors.", "interrogation"),
        ("The agents slapped him while questioning him about his colleagues.", "assault"),
        # charges in other wordings
        ("Prosecutors are investigating them for organising an illegal gathering.", "charges"),
        ("Police later named Omar Said as a suspect in the case.", "charges"),
        ("A case under the security act was lodged against the union's leaders.", "charges"),
        # the verdict with the defendant inside
        ("The court found Ana Ruiz, the union's treasurer, guilty of illegal assembly.", "sentencing"),
        # dismissals of a number of workers
        ("The company fired eleven workers who had signed the petition.", "dismissal"),
        ("The mine sacked dozens of miners after the stoppage.", "dismissal"),
        # watched and followed
        ("Two men followed her from the union office to her home.", "surveillance"),
        ("Management installed cameras facing the union's notice board.", "surveillance"),
        # interference with the union's dues and members
        ("The ministry stopped the deduction of union dues from teachers' salaries.", "interference"),
        ("Supervisors offered bonuses to workers who would leave the union.", "interference"),
        # marches stopped, forces called in
        ("Gendarmes stopped the column of marchers on the highway.", "strike_suppression"),
        ("Management called in the police when the workers downed tools.", "strike_suppression"),
        # passports and activities
        ("He was freed on condition that he surrender his passport.", "travel_restriction"),
        ("The union's activities were suspended by the registrar.", "deregistration"),
        # relatives kept in the dark or approached
        ("The families were not told where the five were held.", "disappearance"),
        ("For weeks, his wife did not know where he was.", "disappearance"),
        ("Her husband was approached at his work and warned about her activities.", "intimidation_of_family"),
    ],
)
def test_fifth_pass_classes(text, kind):
    assert kind in _types(text)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("A gas explosion at the mine killed 40 workers in 2010.", "killing"),
        ("The government denied that any worker had been beaten.", "assault"),
        ("The police deny that anyone was arrested for union work.", "arrest"),
        ("The federation called on the authorities to ensure that those responsible are identified and prosecuted.", "charges"),
        ('"Our sister is in jail for asking for her wages," a colleague said.', "imprisonment"),
        ("Since 2019, dozens of miners have been arrested or dismissed across the region.", "arrest"),
        ("The federation dissolved itself in 2021 after the new law was passed.", "deregistration"),
        ("The ILO recommended years ago that the government stop interfering in union affairs.", "interference"),
        ("Riot police charged the crowd with batons outside the depot.", "charges"),
    ],
)
def test_fifth_pass_non_events(text, kind):
    assert kind not in _types(text)


def test_items_of_a_demand_list_are_not_events():
    text = (
        "The federation calls on the government to:\n"
        "1. release the workers arrested on 3 May;\n"
        "2. return the equipment seized from the union office;\n"
        "3. stop harassing the family of Omar Said.\n"
    )
    assert _types(text) == []


def test_items_of_a_list_of_acts_are_events():
    text = "According to the complaint, supervisors at the plant:\n- dismissed two union delegates;\n- threatened others with dismissal.\n"
    types = _types(text)
    assert "dismissal" in types and "threat" in types


def test_victims_by_clause():
    text = "Ana Ruiz was shot dead on 3 May 2022; several other marchers were injured."
    events = {e.type: e for e in _events(text)}
    assert events["killing"].victims == ["Ana Ruiz"] and events["assault"].victims == []


def test_the_one_told_is_no_victim():
    text = "Omar Said was arrested on 3 May 2022. Said told Ana Ruiz that officers beat him at the station."
    assault = next(e for e in _events(text) if e.type == "assault")
    assert assault.victims == ["Omar Said"]


def test_the_unionist_not_the_named_relative():
    text = "Omar Said leads the dockers' union. In June, his wife, Lena Said, was summoned by police and warned about his work."
    family = next(e for e in _events(text) if e.type == "intimidation_of_family")
    assert family.victims == ["Omar Said"]


def test_one_more_member_joins_the_act():
    text = "Police arrested union leaders Omar Said and Ana Ruiz on 3 May 2022. A third member, Bo Lind, was also detained."
    arrests = [e for e in _events(text) if e.type == "arrest"]
    assert len(arrests) == 1 and "Bo Lind" in arrests[0].victims


def test_entries_of_a_report_date_their_incidents():
    text = (
        "Violations recorded in 2021\n\n"
        "Lahore, 4 August 2021 - Police arrested union organiser Omar Said outside the factory.\n\n"
        "Karachi, September 2021 - The company dismissed 120 workers who had joined the union.\n"
    )
    dates = {e.type: e.date for e in _events(text, "2022-06")}
    assert dates == {"arrest": "2021-08-04", "dismissal": "2021-09"}


def test_the_same_day_takes_the_date_of_the_act_before():
    text = "Omar Said was arrested on 3 May 2022. The union's office was searched the same day."
    raid = next(e for e in _events(text) if e.type == "raid")
    assert raid.date == "2022-05-03"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Officers confiscated the union's banners and loudspeaker at the rally on 3 May 2022.", "asset_freeze"),
        ("Police seized its printing press during the march.", "asset_freeze"),
        ("Agents searched the office and seized the union's computers.", "raid"),
    ],
)
def test_union_property_seized_without_a_search_is_an_asset_seizure(text, kind):
    assert _types(text) == [kind]


# ---------------------------------------------------------------- sixth pass: classes of wording (issue 3)
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # an inverted condition ("Should X be ...", "Were X to ...", "Had X not ...") reports nothing
        ("Should the three organisers be convicted, they would face up to ten years in prison.", "sentencing"),
        ("Were the strikers to be found guilty, each could be jailed for five years.", "sentencing"),
        ("Should the leaders be arrested, the union will call a general strike.", "arrest"),
        ("Had the police not intervened, the strikers would have been beaten.", "assault"),
        # a supervisory body's principle is no report of an act
        ("The Committee recalls that the dismissal of union leaders for union activities is a serious violation.", "dismissal"),
        ("The Committee emphasises that arrests of trade unionists may create an atmosphere of fear.", "arrest"),
        # relatives as the source of a report are not its targets
        ("According to relatives interviewed by the group, at least 40 people were arrested on 3 May.", "intimidation_of_family"),
        # custody still to come
        ("She had been summoned to report to the central prison on 15 November to begin serving her sentence.", "imprisonment"),
        ("Ali Reza was ordered to present himself at the prison on 2 June to serve his sentence.", "imprisonment"),
        # the subject of "came/took place ... after" names an act told before
        ("The killing came two weeks after the union filed a complaint against the mayor.", "killing"),
        ("The arrests came a week after the dismissal of 63 union members on 2 March.", "arrest"),
        ("The raid on the union office took place days after the strike began.", "raid"),
        ("It nevertheless recalls that the arrest of trade unionists for strike activities is a serious violation.", "arrest"),
        ("It stresses that the dismissal of workers for striking is discriminatory.", "dismissal"),
        # the way in to a killing is part of it, unless the place is searched
        ("On 3 May, gunmen barged into the house where organiser Omar Said was staying and shot him dead.", "raid"),
        ("Soldiers broke into the home of Ana Ruiz on 3 May and killed her in front of her children.", "raid"),
        ("Unknown men stabbed union organiser Omar Said to death on 3 May.", "assault"),
        ("Omar Said lost his life in a road accident on 3 May.", "killing"),
        ("The company executed the collective agreement on 3 May.", "killing"),
        ("Ana Ruiz led protests against the company's decision to lay off workers.", "dismissal"),
        ("On 3 May, about 150 dismissed and serving workers gathered outside the gate.", "dismissal"),
        ("The union said it would suffer if the law passed.", "threat"),
        ("Omar Said said he would be arrested if he returned home.", "threat"),
        ("The union issued a statement saying members would suffer under the new law.", "threat"),
        # the month, not a march
        ("The mayor's office removed 63 employees from the payroll in March after they complained.", "strike_suppression"),
    ],
)
def test_sixth_pass_non_events(text, kind):
    assert kind not in _types(text)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("After the verdict, Ana Ruiz was taken out of the courtroom in handcuffs to begin serving her term.", "imprisonment"),
        ("Guards led Omar Said away to start serving his sentence on 3 May.", "imprisonment"),
        ("The Committee recalls that Ana Ruiz was arrested on 3 May 2021.", "arrest"),
        ("According to the union, the wife of Omar Said was threatened by police on 3 May.", "intimidation_of_family"),
        ("The arrests came a week after the dismissal of 63 union members on 2 March.", "dismissal"),
        ("The mayor's office removed 63 employees from the payroll in March after they complained.", "dismissal"),
        ("Ten nurses were dropped from the payroll in March 2022 after joining the strike.", "dismissal"),
        ("Police dispersed the march on 12 March.", "strike_suppression"),
        ("It recalls that Ana Ruiz was arrested on 3 May 2021.", "arrest"),
        ("Police barged into the union office on 3 May, searched it and killed the guard Omar Said.", "raid"),
        # a killing told with its result after the object, or with an adverb or an idiom
        ("On 3 May, gunmen shot union organiser Omar Said dead outside his home.", "killing"),
        ("Unknown men stabbed union organiser Omar Said to death on 3 May.", "killing"),
        ("Union organiser Omar Said lost his life after police fired on the picket on 3 May.", "killing"),
        ("Police fatally shot union organiser Omar Said on 3 May.", "killing"),
        ("Soldiers summarily executed union organiser Omar Said on 3 May.", "killing"),
        ("Gunmen dragged Omar Said from his car and executed him on 3 May.", "killing"),
        # a phrasal verb with its particle after the object
        ("Police led union organiser Omar Said away in handcuffs on 3 May.", "arrest"),
        ("Officers hauled Omar Said off to the station on 3 May.", "arrest"),
        ("Police rounded the striking dockers up on 3 May.", "arrest"),
        ("Agents hauled in union organiser Omar Said for questioning on 3 May.", "arrest"),
        ("Police nabbed union organiser Omar Said outside the factory on 3 May.", "arrest"),
        # a dismissal told in the active voice, the particle before or after the object
        ("The company sacked union organiser Omar Said on 3 May.", "dismissal"),
        ("The company let go 40 union members on 3 May.", "dismissal"),
        ("The company laid 40 union members off on 3 May.", "dismissal"),
        # a strike ended by order or by law
        ("The port authority responded by declaring the stoppage illegal on 3 May.", "strike_suppression"),
        ("On 3 May, the court ordered the strikers back to work.", "strike_suppression"),
        ("The government issued a back-to-work order to striking nurses on 3 May.", "strike_suppression"),
        ("The strike was outlawed by the court on 3 May.", "strike_suppression"),
        ("The government outlawed the teachers' strike on 3 May.", "strike_suppression"),
        # harm foretold to the person: warned, told, or written in a message
        ("Omar Said received text messages saying he would be killed if he kept organising.", "threat"),
        ('Omar Said was told he would "disappear" if he did not leave the union.', "threat"),
        ("Men on a motorbike warned Omar Said on 3 May that he would regret joining the union.", "threat"),
        ("The manager told workers they would be fired if they joined the union.", "threat"),
        # a relative punished at work or school: the family member stands for the unionist
        ("Two days after Ana Ruiz spoke at the rally, her brother, a clerk at the customs office, was transferred to a remote town.", "intimidation_of_family"),
        ("The husband of union leader Ana Ruiz was demoted at the ministry a week after the strike.", "intimidation_of_family"),
        ("Ana Ruiz's daughter was expelled from the state university in May.", "intimidation_of_family"),
    ],
)
def test_sixth_pass_classes(text, kind):
    assert kind in _types(text)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # accounts frozen in the active voice or the perfect
        ("On 3 May, the tax office froze the federation's bank account.", "asset_freeze"),
        ("Bailiffs froze two accounts held by the dockers' union in April.", "asset_freeze"),
        ("The authorities have frozen the union's accounts since June.", "asset_freeze"),
        # struck off or removed from the register; declared an unlawful association
        ("On 2 June the registrar struck the Metal Workers' Union off the register.", "deregistration"),
        ("The teachers' union was struck off the register of trade unions in 2022.", "deregistration"),
        ("The ministry removed the union from the official register on 5 July.", "deregistration"),
        ("The federation was declared an unlawful association by the interior ministry in March 2021.", "deregistration"),
        # barred from leaving the country, in either voice
        ("The prosecutor barred Ana Ruiz from leaving the country in February.", "travel_restriction"),
        ("Omar Said has been prevented from travelling abroad since May.", "travel_restriction"),
        # contracts ended
        ("The contractor ended the contracts of 20 workers who had joined the union in May.", "dismissal"),
        ("Last week the company terminated the employment of 40 union members.", "dismissal"),
        # shot and survived; a blow to a body part
        ("On 9 June, union secretary Juan Soto was shot and wounded by a gunman.", "assault"),
        ("Juan Soto was shot in the leg by an unknown man on 9 June.", "assault"),
        ("Guards struck Juan Soto in the face on 9 June.", "assault"),
        ("The officers kicked him in the stomach, Juan Soto said.", "assault"),
        # a body found after many words of apposition
        ("On 4 May, the body of Juan Soto, 41, a member of the union's safety committee, was found in a river.", "killing"),
        # a car followed stands for its driver
        ("Juan Soto said two men followed his car on the road to the port on 2 March.", "surveillance"),
        # the release tells how long someone was held
        ("Ana Ruiz was released after 48 hours in a police cell without charge.", "detention"),
        ("Ana Ruiz was let go after three days in police custody.", "detention"),
        # fines paid
        ("Five striking teachers paid fines and were released the next day.", "fine"),
        # a break-in by intruders nobody names is damage; the police's is a raid
        ("On 4 May unknown persons broke into the union's office and took two computers.", "property_damage"),
        ("Unidentified men broke into the home of union leader Juan Soto on 4 May.", "property_damage"),
        ("Police broke into the union's office on 4 May.", "raid"),
        # a list in apposition between the verb and "from travelling"
        ("The prosecutor has barred two board members, Ana Ruiz and Omar Said, from travelling abroad since February.", "travel_restriction"),
        # a ban quoted from the order
        ('On 3 May, the governor issued an order banning "all protests and marches" in the province.', "strike_suppression"),
        # pay docked for a stoppage
        ("Nurses who joined the stoppage on 3 May had two days' pay docked.", "strike_suppression"),
        ("The ministry deducted a week's salary from teachers for taking part in the strike.", "strike_suppression"),
        # terminated or retrenched, the word quoted or not
        ('The company posted a list of 160 workers who were "terminated with immediate effect".', "dismissal"),
        ("Forty union members were retrenched on 3 May.", "dismissal"),
        # the authorities will not say where a person is held
        ("His wife says the police have refused to tell her where he is being held.", "disappearance"),
        ("Officials declined to inform the family of his whereabouts after 3 May.", "disappearance"),
        ("The police refused to say where Omar Said was taken on 3 May.", "disappearance"),
        # kept out of the bargaining forum
        ("The nurses' union has been refused access to the public sector bargaining council since 2020.", "bargaining_refusal"),
        ("The union was excluded from the wage negotiations in May.", "bargaining_refusal"),
        # an application for registration answered by a refusal
        ("It has twice applied for registration as a union; the ministry has returned both applications.", "registration_refusal"),
        ("The union applied for registration in March, but the registrar rejected the request.", "registration_refusal"),
        # agents sent to where a relative studies or works
        ("On 8 May, police officers visited the school where Omar Said's 15-year-old son studies and questioned him about his father.", "intimidation_of_family"),
        ("Agents turned up at the hospital where her husband works on 8 May.", "intimidation_of_family"),
        # a blacklist without the word
        ("Managers have shared the names of the dismissed union members with other factories in the zone.", "dismissal"),
        ("The company circulated a list of the striking drivers to other employers in the port.", "dismissal"),
        # cases filed against people, the verb first
        ("Since the clashes, police have filed three cases against some 9,000 unnamed workers over vandalism.", "charges"),
        ("The company lodged a criminal case against Omar Said on 3 May.", "charges"),
        ("Prosecutors opened criminal proceedings against the union leaders in May.", "charges"),
        # the injured told after the dead with the verb left out
        ("Two workers were killed and dozens injured on 4 May when police opened fire on the march.", "assault"),
        ("Three strikers died and many others were wounded when soldiers fired on the picket on 4 May.", "assault"),
    ],
)
def test_seventh_pass_classes(text, kind):
    assert kind in _types(text)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a negated auxiliary: "has not been charged"
        ("Juan Soto has not been charged.", "charges"),
        ("Ana Ruiz hasn't been tried.", "charges"),
        ("The workers have never been charged with any offence.", "charges"),
        # a fatal wound is told with the death, not as an assault
        ("Colleagues said he had been shot in the chest.", "assault"),
        ("On 4 May unknown persons broke into the union's office and took two computers.", "raid"),
        # the subject names an act told before
        ("The arrests come as the country prepares to host a summit.", "arrest"),
        ("The dismissals came amid a wave of strikes in the sector.", "dismissal"),
        # a ranking or a count, not an act
        ("He is the second union leader to be attacked this year.", "assault"),
        ("Rights groups say at least a dozen journalists have been jailed since 2023.", "imprisonment"),
        ("The union refused to tell its members where the meeting was.", "disappearance"),
        ("The union applied for registration in March and was registered in May.", "registration_refusal"),
        # a handful of people held before, freed now: the release, not an arrest
        ("In January, a handful of detained unionists were freed under an amnesty.", "arrest"),
        ("In January, a handful of detained unionists were freed under an amnesty.", "detention"),
        ("Police visited the school where the strike began.", "intimidation_of_family"),
        ("The union shared the names of its new members with the federation.", "dismissal"),
        # a union's complaint or case against a company is no charge; the accusation is no act
        ("The union filed a complaint against the company with the ILO.", "charges"),
        ("The union filed a case against the company in May.", "charges"),
        ("Since the clashes, police have filed three cases against some 9,000 unnamed workers over vandalism.", "property_damage"),
        # workers kept at their site are no travel restriction
        ("Guards prevented the workers from leaving the factory.", "travel_restriction"),
    ],
)
def test_seventh_pass_non_events(text, kind):
    assert kind not in _types(text)
