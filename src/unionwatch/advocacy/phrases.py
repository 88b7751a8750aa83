"""Translatable wording of letters: one phrase per event type, term kind, demand,
convention and salutation. Resolved with `str()` inside `translation.override(lang)`."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

# What happened, as a noun phrase about the victims ("arrest of X").
EVENT_PHRASES = {
    "killing": gettext_lazy("killing of %(victims)s"),
    "disappearance": gettext_lazy("enforced disappearance of %(victims)s"),
    "assault": gettext_lazy("physical attack on %(victims)s"),
    "threat": gettext_lazy("threats and intimidation against %(victims)s"),
    "intimidation_of_family": gettext_lazy("pressure on family members of %(victims)s"),
    "harassment": gettext_lazy("harassment of %(victims)s"),
    "surveillance": gettext_lazy("surveillance of %(victims)s"),
    "interrogation": gettext_lazy("interrogation of %(victims)s"),
    "raid": gettext_lazy("raid or search targeting %(victims)s"),
    "arrest": gettext_lazy("arrest of %(victims)s"),
    "detention": gettext_lazy("detention of %(victims)s"),
    "charges": gettext_lazy("criminal charges against %(victims)s"),
    "sentencing": gettext_lazy("conviction and sentencing of %(victims)s"),
    "imprisonment": gettext_lazy("imprisonment of %(victims)s"),
    "travel_restriction": gettext_lazy("restriction of the freedom of movement of %(victims)s"),
    "forced_labour": gettext_lazy("forced labour imposed as punishment on %(victims)s"),
    "property_damage": gettext_lazy("destruction of or damage to property of %(victims)s"),
    "fine": gettext_lazy("fine imposed on %(victims)s"),
    "ban_from_office": gettext_lazy("ban on %(victims)s holding union office"),
    "deregistration": gettext_lazy("dissolution or deregistration of %(victims)s"),
    "registration_refusal": gettext_lazy("refusal to register %(victims)s"),
    "asset_freeze": gettext_lazy("freezing or seizure of the assets of %(victims)s"),
    "interference": gettext_lazy("interference in the affairs of %(victims)s"),
    "dismissal": gettext_lazy("anti-union dismissal of %(victims)s"),
    "bargaining_refusal": gettext_lazy("obstruction of collective bargaining by %(victims)s"),
    "strike_suppression": gettext_lazy("suppression of a strike involving %(victims)s"),
    "other": gettext_lazy("violation of the trade union rights of %(victims)s"),
}

DEMAND_TEXTS = {
    "investigate_killing": gettext_lazy("conduct a prompt, independent and impartial investigation into the killing and bring all those responsible, including the instigators, to justice"),
    "find_disappeared": gettext_lazy("establish the whereabouts of the disappeared persons and inform their families without delay"),
    "release": gettext_lazy("release immediately and unconditionally all trade unionists detained or imprisoned for their union activities"),
    "drop_charges": gettext_lazy("drop all charges brought against trade unionists for their legitimate union activities"),
    "quash_conviction": gettext_lazy("quash the convictions handed down for legitimate trade union activities"),
    "end_harassment": gettext_lazy("put an end to all harassment, surveillance and intimidation of trade unionists"),
    "protect_family": gettext_lazy("guarantee the safety of the family members of trade unionists and stop all pressure on them"),
    "investigate_attacks": gettext_lazy("investigate the attacks promptly and impartially and guarantee the safety of the victims"),
    "restore_registration": gettext_lazy("restore the registration of the trade union organisations concerned and allow them to operate freely"),
    "unfreeze_assets": gettext_lazy("unfreeze the accounts and return the property of the trade union organisations concerned"),
    "lift_bans": gettext_lazy("lift the bans and restrictions imposed on trade unionists, including bans on holding union office and restrictions of movement"),
    "end_forced_labour": gettext_lazy("end the use of forced or compulsory labour as a punishment for union activity or participation in strikes"),
    "no_interference": gettext_lazy("refrain from any interference in the internal affairs of trade unions"),
    "reinstate": gettext_lazy("ensure the reinstatement, with back pay, of workers dismissed for their union membership or activities"),
    "bargain": gettext_lazy("ensure that the parties concerned engage in collective bargaining in good faith"),
    "respect_strike": gettext_lazy("respect the right to strike and refrain from punishing workers for peaceful strike action"),
}

CONVENTION_TITLES = {
    "C87": gettext_lazy("freedom of association and protection of the right to organise"),
    "C98": gettext_lazy("the right to organise and collective bargaining"),
    "C105": gettext_lazy("the abolition of forced labour"),
    "C135": gettext_lazy("workers' representatives"),
    "C151": gettext_lazy("labour relations in the public service"),
    "C154": gettext_lazy("collective bargaining"),
}
# Conventions whose principles bind every ILO member (1998 Declaration).
FUNDAMENTAL = {"C87", "C98", "C105"}

DOC_LABELS = {
    "appeal": gettext_lazy("Urgent appeal"),
    "press": gettext_lazy("Press release"),
    "cfa": gettext_lazy("Complaint to the ILO Committee on Freedom of Association"),
}


def duration(amount: float, unit: str, number_text: str) -> str:
    """'4 years', '100 hours' in the active language; `number_text` is the localised amount."""
    count = int(amount) if float(amount).is_integer() else 2  # fractions take the plural
    forms = {
        "years": ngettext("%(n)s year", "%(n)s years", count),
        "months": ngettext("%(n)s month", "%(n)s months", count),
        "weeks": ngettext("%(n)s week", "%(n)s weeks", count),
        "days": ngettext("%(n)s day", "%(n)s days", count),
        "hours": ngettext("%(n)s hour", "%(n)s hours", count),
    }
    return forms.get(unit, "%(n)s " + unit) % {"n": number_text}


def term_phrase(kind: str, length: str) -> str:
    phrases = {
        "prison": _("%(length)s of imprisonment"),
        "suspended": _("a suspended sentence of %(length)s"),
        "restriction_of_movement": _("%(length)s of restriction of movement"),
        "forced_labour": _("%(length)s of forced labour"),
        "ban_from_office": _("a ban on holding office for %(length)s"),
        "fine": _("a fine of %(length)s"),
    }
    return phrases.get(kind, _("a further penalty (%(length)s)")) % {"length": length}


def salutation(role: str, gender: str) -> str:
    """The salutation for a contact's role, in the active language."""
    table = {
        ("head_of_state", "m"): _("Dear Mr President,"),
        ("head_of_state", "f"): _("Dear Madam President,"),
        ("prime_minister", "m"): _("Dear Mr Prime Minister,"),
        ("prime_minister", "f"): _("Dear Madam Prime Minister,"),
        ("minister", "m"): _("Dear Mr Minister,"),
        ("minister", "f"): _("Dear Madam Minister,"),
        ("director_general", "m"): _("Dear Mr Director-General,"),
        ("director_general", "f"): _("Dear Madam Director-General,"),
    }
    if role.endswith("_minister"):
        role = "minister"
    return table.get((role, gender), _("Your Excellency,"))
