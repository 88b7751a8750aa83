"""Events: classes of wording met on blind sets (issue 3), each on sentences written for these tests."""

import pytest

from unionwatch.core import extract_text
from unionwatch.core.types import DocumentMeta


def _events(text: str, date: str | None = "2024-05-10"):
    return extract_text(text, DocumentMeta(date=date)).events


def _types(text: str) -> list[str]:
    return [e.type for e in _events(text)]


# ---------------------------------------------------------------- threats told to a person


@pytest.mark.parametrize(
    "text",
    [
        # a warning addressed to a person, whatever its consequence
        "Two men stopped Ana Ruiz outside the depot and warned her that next time \"nobody would find her\".",
        "A note pinned to his door warned him to \"quit or leave town\".",
        "The inspector warned Omar Said he would \"rot in a cell\" if he kept talking to the press.",
        # told to quit the union
        "Several drivers said they had been told to leave the union before the end of the month.",
        "A foreman took Lina Vos aside and told her to \"forget about the union\".",
        # a consequence only a threat gives
        "The manager told her that no one on the list would ever work in the district again.",
        "The director told a staff assembly that anyone who joined the union would \"not have a job by spring\".",
    ],
)
def test_warnings_and_orders_told_to_a_person_are_threats(text):
    assert "threat" in _types(text)


@pytest.mark.parametrize(
    "text",
    [
        "The federation warned that the new law would weaken collective bargaining.",
        "Omar Said told reporters that the union would appeal the ruling.",
        "The union told its members to leave the building before the storm.",
    ],
)
def test_statements_and_advice_are_not_threats(text):
    assert "threat" not in _types(text)


# ---------------------------------------------------------------- the family as the target


@pytest.mark.parametrize(
    "text",
    [
        "His wife has been telephoned at night by men who did not give their names.",
        "Her 16-year-old son was stopped on his way home by two plain-clothes officers.",
        "Agents detained his 19-year-old daughter for a night at the district station.",
        "Ruiz's daughter received a text message with a photograph of the family car.",
        # the harm foretold to a relative
        "Officers told her that her husband would \"pay for it\" if she spoke to the press.",
        "He was told that his brother could \"lose his post at the ministry\" if he stayed in the union.",
    ],
)
def test_acts_on_relatives_are_intimidation_of_family(text):
    assert "intimidation_of_family" in _types(text)


def test_a_relatives_threat_is_not_a_second_event():
    text = "Omar Said was told that his wife could \"lose her job at the clinic\" if he kept organising."
    kinds = _types(text)
    assert "intimidation_of_family" in kinds and "threat" not in kinds


def test_news_given_to_a_relative_is_no_intimidation():
    assert "intimidation_of_family" not in _types("The lawyer told Ana Ruiz that her husband would be home by Friday.")


# ---------------------------------------------------------------- custody: held, remanded, jailed


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The branch secretary, Omar Said, was among those held.", "detention"),
        ("Those still held include Ana Ruiz, the union's treasurer.", "detention"),
        ("A magistrate sent them to judicial custody for ten days.", "detention"),
        ("The court placed the two organisers on a three-day remand.", "detention"),
        ("Police executed arrest warrants against Ana Ruiz and Omar Said on 3 May.", "arrest"),
        ("After the verdict Omar Said was taken to the Northern Correctional Centre.", "imprisonment"),
        ("Ana Ruiz served six months in the Eastern Rehabilitation Centre before her release.", "imprisonment"),
        ("The union's founder is now serving fifteen days of administrative arrest.", "imprisonment"),
        ("The employer filed a criminal complaint for trespass against eight dismissed workers.", "charges"),
    ],
)
def test_custody_and_prosecution_wordings(text, kind):
    assert kind in _types(text)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The meeting was still held in the union hall despite the ban.", "detention"),
        ("The union filed a complaint against the company with the labour inspectorate.", "charges"),
        ("The judge issued arrest warrants for the two managers, who fled.", "arrest"),
    ],
)
def test_custody_and_prosecution_look_alikes(text, kind):
    assert kind not in _types(text)


# ---------------------------------------------------------------- strikes broken, talks refused, jobs taken


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Police used water cannon to stop the nurses marching on the ministry.", "strike_suppression"),
        ("The governor issued a decree banning \"all rallies, marches and pickets\" for a month.", "strike_suppression"),
        ("Riot police arrived at dawn and ordered the dockers to leave.", "strike_suppression"),
        ("Officers dismantled the strikers' camp outside the mine.", "strike_suppression"),
        ("Gendarmes moved in to clear the highway that the miners had blocked.", "strike_suppression"),
        ("Soldiers opened fire on hundreds of workers who were blocking the plant gate.", "strike_suppression"),
        ("The ministry docked two weeks' pay from every nurse who joined the walkout.", "strike_suppression"),
        ("For a year the company has refused to open negotiations with the union.", "bargaining_refusal"),
        ("Management refused to continue talks after the strike began.", "bargaining_refusal"),
        ("The employer has rejected every invitation to mediation.", "bargaining_refusal"),
        ("The agreement, which the employer terminated unilaterally in March, covered 2,000 drivers.", "bargaining_refusal"),
        ("The mill refused to renew the contracts of 40 weavers after they joined the union.", "dismissal"),
        ("The port authority barred nine union members from returning to work.", "dismissal"),
        ("The ministry transferred 15 union leaders to schools in remote districts.", "dismissal"),
        ("Six shop stewards were transferred by ministerial order to a depot 300 km away.", "dismissal"),
        ("The plant later fired another 80 workers who had joined the strike.", "dismissal"),
    ],
)
def test_strike_bargaining_and_job_wordings(text, kind):
    assert kind in _types(text)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Firefighters moved in to clear the road after the landslide.", "strike_suppression"),
        ("The union dismantled its stand at the end of the fair.", "strike_suppression"),
        ("The union refused to continue the strike after the agreement was signed.", "bargaining_refusal"),
        ("The prisoner was transferred by court order to a hospital in the capital.", "dismissal"),
    ],
)
def test_strike_bargaining_and_job_look_alikes(text, kind):
    assert kind not in _types(text)


# ---------------------------------------------------------------- acts named, not told


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Three former officers of a disbanded dockers' union were convicted on Monday.", "deregistration"),
        ("The now-dissolved teachers' federation had 9,000 members.", "deregistration"),
        ("More than 60 unions have dissolved in the territory since 2020, according to official records.", "deregistration"),
        ("On 4 June two witnesses were questioned in closed session.", "interrogation"),
    ],
)
def test_bodies_named_by_their_fate_and_court_witnesses_are_no_events(text, kind):
    assert kind not in _types(text)


def test_the_ministry_dissolving_a_union_is_still_told():
    assert "deregistration" in _types("On 3 March the ministry dissolved the teachers' union.")


def test_a_grievance_protested_takes_no_date_from_the_protest():
    text = (
        "The drivers were dismissed on 2 April 2024. "
        "Some 300 workers had gathered outside the depot since 20 April to protest against the dismissal of the drivers."
    )
    dismissals = [e for e in _events(text) if e.type == "dismissal"]
    assert len(dismissals) == 1 and dismissals[0].date == "2024-04-02"


def test_the_date_of_a_governments_reply_does_not_date_the_act():
    text = "In its communication dated 12 March 2024, the Government states that the contracts were terminated lawfully."
    dismissals = [e for e in _events(text) if e.type == "dismissal"]
    assert dismissals and dismissals[0].date is None


# ---------------------------------------------------------------- measures on the union, its money and its people


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Officers froze US$40,000 in its bank accounts.", "asset_freeze"),
        ("Police seized the union's cash box and its account, which remains frozen.", "asset_freeze"),
        ("The federation protested the blocking of its bank account since March.", "asset_freeze"),
        ("The organiser died of his wounds in hospital a week later.", "killing"),
        ("She had burns on her arms consistent with torture.", "assault"),
        ("Soldiers forced the gate of the union hall and searched it for two hours.", "raid"),
        ("The union's office in the capital was occupied by soldiers.", "raid"),
        ("A petrol bomb was thrown at the door of the union's office.", "property_damage"),
        ("The prosecutor opened an investigation into the union's president, Ana Ruiz, on 2 May.", "charges"),
        ("Omar Said, who had faced the same charge, was convicted in absentia.", "charges"),
        ("In June the regional court upheld the verdict.", "sentencing"),
        ("The judge ordered the withdrawal of their passports.", "travel_restriction"),
        ("The court imposed a prohibition on leaving the country.", "travel_restriction"),
        ("The two were released with the obligation to sign a register at the court every week.", "travel_restriction"),
        ("Omar Said remained free under a written undertaking not to leave the region.", "travel_restriction"),
        ("The ministry has failed for six months to issue a registration certificate to the branch.", "registration_refusal"),
        ("The federation had its registration revoked by the registrar in May.", "deregistration"),
        ("The registrar cancelled the union's certificate of registration.", "deregistration"),
        ("An economic court suspended the drivers' union for six months.", "deregistration"),
        ("The order demanded the suspension of all its activities and the closure of its headquarters.", "deregistration"),
        ("Leaflets branding the union's officers as \"rebel agents\" appeared on the walls.", "harassment"),
        ("He said he was questioned for hours without a lawyer and kicked by the guards.", "assault"),
    ],
)
def test_measures_on_the_union_its_money_and_its_people(text, kind):
    assert kind in _types(text)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The board suspended the deduction of union subscriptions in 2022.", "deregistration"),
        ("The employer suspended the union's shop steward for a week.", "deregistration"),
        ("The miner died of his injuries after a rock fall.", "killing"),
        ("The court overturned the ban on leaving the country.", "travel_restriction"),
        ("The dismissed worker died of natural causes in hospital.", "killing"),
    ],
)
def test_measures_look_alikes(text, kind):
    assert kind not in _types(text)


# ---------------------------------------------------------------- one incident or two


def test_unnamed_people_held_in_another_dated_scene_are_another_incident():
    text = (
        "On 3 February 2023 police arrested the branch secretary, Omar Said, at the depot. "
        "He was held for two weeks.\n\n"
        "On 1 May 2023 riot police broke up a march of dockers in the capital. "
        "Twelve people were detained overnight and released the next day."
    )
    arrests = [e for e in _events(text) if e.type == "arrest"]
    assert {e.date for e in arrests} == {"2023-02-03", "2023-05-01"}


def test_unnamed_people_held_in_the_same_scene_are_the_same_incident():
    text = (
        "On 1 May 2023 police arrested dozens of dockers at the port gate. "
        "Twelve of them were detained overnight at the central station."
    )
    assert [e.type for e in _events(text)].count("arrest") == 1


def test_a_night_in_the_cells_is_arrest_and_detention():
    kinds = _types("Eight strikers were detained overnight and released the next morning.")
    assert "arrest" in kinds and "detention" in kinds


# ---------------------------------------------------------------- custody ill-treatment, strikes prohibited, conditional harm


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("In the detention centre Omar Said was pressed to confess on camera.", "other"),
        ("Her lawyer said she had been denied medical care for a month.", "other"),
        ("Ana Ruiz, who has asthma, has been refused medication since her arrest.", "other"),
        ("The minister declared the mines an essential service and prohibited the strike.", "strike_suppression"),
        ("The walkout, which the labour court had declared illegal, ended after a week.", "strike_suppression"),
        ("Staff were told that their contracts \"might not survive\" if they stayed in the union.", "threat"),
        ("The ministry warned that any nurse who joined the stoppage would be deemed to have resigned.", "threat"),
        ("The four were driven to the central station, where they spent three nights.", "detention"),
        ("The two organisers have spent eight months behind bars.", "detention"),
        ("The judge granted a prosecution request to keep the three in pre-trial detention.", "detention"),
        ("Miners who had walked out to demand safety gear were beaten by guards at the gate.", "assault"),
    ],
)
def test_custody_ill_treatment_prohibited_strikes_and_conditional_harm(text, kind):
    assert kind in _types(text)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The clinic was denied a licence extension.", "other"),
        ("The coach told the players that they would be picked if they stayed fit.", "threat"),
        ("The union demanded that the police be prosecuted.", "charges"),
        ("The judge rejected a prosecution request to keep the three in pre-trial detention.", "detention"),
    ],
)
def test_custody_strike_and_threat_look_alikes(text, kind):
    assert kind not in _types(text)


# ---------------------------------------------------------------- counts over years, events that follow events


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Dozens of plantation workers have been killed in the valley since 2012, and few cases were solved.", "killing"),
        ("Unions say hundreds of nurses have been arrested over pay protests since 2019.", "arrest"),
        ("According to the federation, thousands of teachers were dismissed in 2023 alone.", "dismissal"),
        ("The strike came in a wave of arrests that followed protests by drivers in March.", "surveillance"),
    ],
)
def test_counts_over_years_and_events_following_events(text, kind):
    assert kind not in _types(text)


def test_dozens_arrested_on_one_day_is_still_an_incident():
    assert "arrest" in _types("Dozens of dockers were arrested at the port gate on 3 May.")


# ---------------------------------------------------------------- one ruling spelled out in a list


def test_the_items_of_a_ruling_list_are_one_sentencing():
    text = (
        "On 4 March 2024 the city court convicted four leaders of the dockers' union. The court ruled as follows:\n"
        "- Omar Said, chairman: five years in prison;\n"
        "- Ana Ruiz, secretary: three years in prison, suspended;\n"
        "- Lina Vos, treasurer: a fine of 2,000 dollars.\n"
    )
    rulings = [e for e in _events(text) if e.type == "sentencing"]
    assert len(rulings) == 1 and {"Omar Said", "Ana Ruiz"} <= set(rulings[0].victims)


def test_separate_rulings_told_in_sentences_stay_apart():
    text = (
        "On 4 March 2024 the city court sentenced Omar Said to five years in prison. "
        "On 9 June 2024 a court in the port sentenced Ana Ruiz to two years in prison."
    )
    assert [e.type for e in _events(text)].count("sentencing") == 2


# ---------------------------------------------------------------- what the lead sentence names


def test_a_time_shift_keeps_the_sentence_date_from_the_earlier_act():
    text = "The union's president was shot dead on 16 August 2023, his family said, months after he told police he had received death threats."
    threat = next(e for e in _events(text) if e.type == "threat")
    assert threat.date is None


def test_a_date_before_an_aside_still_dates_the_act():
    arrest = next(e for e in _events("On 3 May 2024, two days after the strike began, police arrested Omar Said.") if e.type == "arrest")
    assert arrest.date == "2024-05-03"


def test_acts_named_one_after_another_keep_their_own_persons():
    text = (
        "The federation condemns the abduction of Omar Said, its secretary general, "
        "and the arrest of the union's president and four of its members in the capital."
    )
    events = _events(text)
    abduction = next(e for e in events if e.type == "disappearance")
    arrest = next(e for e in events if e.type == "arrest")
    assert abduction.victims == ["Omar Said"] and "Omar Said" not in arrest.victims


def test_one_more_victim_days_later_is_another_arrest():
    text = (
        "On 5 March 2024 police arrested three organisers of the chemical workers' union, Omar Said, Ana Ruiz and Lina Vos. "
        "Two days later, a fourth activist, Tom Reyes, was taken from his workplace at the plant."
    )
    assert [e.type for e in _events(text)].count("arrest") == 2


def test_one_more_victim_of_the_same_sweep_is_the_same_arrest():
    text = (
        "On 5 March 2024 police arrested three organisers of the chemical workers' union, Omar Said, Ana Ruiz and Lina Vos. "
        "A fourth activist, Tom Reyes, was also taken from his workplace at the plant."
    )
    assert [e.type for e in _events(text)].count("arrest") == 1


def test_a_withdrawn_case_is_no_new_charge():
    text = "The prosecutor's office withdrew nothing until 3 March 2021, when the criminal case against the three organisers was withdrawn."
    assert "charges" not in _types(text)


def test_finding_guilty_under_an_article_is_the_ruling_not_a_charge():
    text = "The court also barred Omar Said from union office for five years after finding him guilty of organising an illegal strike under Article 402."
    kinds = _types(text)
    assert "charges" not in kinds and "sentencing" in kinds


def test_an_attempt_to_extort_a_confession_is_ill_treatment():
    assert "other" in _types("Investigators tried to make Ana Ruiz sign a false confession.")


def test_an_attempted_arrest_is_still_no_arrest():
    assert "arrest" not in _types("Police attempted to arrest Ana Ruiz at the depot but workers blocked the gate.")


def test_a_confiscated_passport_is_the_travel_ban_not_a_raid():
    kinds = _types("Ana Ruiz was stopped at the airport on 3 August and barred from leaving; her passport was confiscated.")
    assert "travel_restriction" in kinds and "raid" not in kinds


def test_a_search_that_takes_a_passport_is_still_a_raid():
    kinds = _types("Officers searched Ana Ruiz's flat and confiscated her passport and her laptop.")
    assert "raid" in kinds


def test_a_transfer_to_house_arrest_is_no_dismissal():
    assert "dismissal" not in _types("Omar Said spent two months in pre-trial detention before being transferred to house arrest.")


def test_a_separate_case_is_another_charge():
    text = (
        "Omar Said and Ana Ruiz were charged with sedition in March 2024. "
        "A separate case against six other union members, who are accused of blocking a road, will return to court in June."
    )
    assert [e.type for e in _events(text)].count("charges") == 2


def test_taken_to_an_interrogation_centre_is_held():
    kinds = _types("The two leaders were taken to an interrogation centre where they were questioned for days.")
    assert "detention" in kinds


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The authorities must protect dockers who have been threatened and attacked in recent weeks, the federation said.", "threat"),
        ("Police said they had found no evidence linking the murder to the victim's union work.", "killing"),
        ("Investigators are still looking for a motive for the killing.", "killing"),
    ],
)
def test_summaries_over_weeks_and_acts_named_by_the_inquiry(text, kind):
    assert kind not in _types(text)


@pytest.mark.parametrize(
    "text",
    [
        "The federation urged the ILO to press the government to end impunity for attacks on workers.",
        "Unions marched to demand justice for the killing of their leader.",
        "Those who ordered the assault must be held accountable for the assault on the picket.",
    ],
)
def test_calls_for_justice_name_acts_told_elsewhere(text):
    kinds = _types(text)
    assert "assault" not in kinds and "killing" not in kinds


def test_held_since_their_arrest_refers_to_the_arrest_told_before():
    text = (
        "Police arrested Omar Said and Ana Ruiz at dawn on 9 June 2022. "
        "Since their arrest, Said and Ruiz have been held in the pre-trial detention centre."
    )
    arrests = [e for e in _events(text) if e.type == "arrest"]
    assert len(arrests) == 1 and arrests[0].date == "2022-06-09"
    assert "imprisonment" not in _types(text)


def test_since_their_arrest_with_its_own_date_still_tells_it():
    kinds = _types("Omar Said and Ana Ruiz have been held in the central prison since their arrest in October 2023.")
    assert "arrest" in kinds and "imprisonment" not in kinds
