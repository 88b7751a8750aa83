from __future__ import annotations

import datetime as dt

from django import forms

from unionwatch.actions.models import Direction, InterventionKind
from unionwatch.advocacy.models import CountryProfile, GovernmentContact


class LetterForm(forms.Form):
    kind = forms.ChoiceField(choices=[("appeal", "Urgent appeal"), ("press", "Press release"),
                                      ("cfa", "ILO CFA complaint")])
    lang = forms.ChoiceField(label="Language", choices=[("en", "English"), ("fr", "Français"),
                                                        ("de", "Deutsch"), ("es", "Español")])
    format = forms.ChoiceField(choices=[("pdf", "PDF"), ("docx", "Word (docx)"),
                                        ("html", "HTML"), ("md", "Markdown")])
    date = forms.DateField(initial=dt.date.today, widget=forms.DateInput(attrs={"type": "date"}))


class ContactForm(forms.ModelForm):
    class Meta:
        model = GovernmentContact
        fields = ["country_code", "role", "name", "gender", "title_en", "title_fr", "title_de",
                  "title_es", "email", "address", "is_example"]
        widgets = {"address": forms.Textarea(attrs={"rows": 2})}

    def clean_country_code(self) -> str:
        from unionwatch.advocacy.countries import country_code

        code = country_code(self.cleaned_data["country_code"])
        if not code:
            raise forms.ValidationError("Unknown country: give an ISO code such as KZ.")
        return code


class CountryProfileForm(forms.ModelForm):
    class Meta:
        model = CountryProfile
        fields = ["name", "c87", "c98", "c105", "c135", "c151", "c154", "national_provisions",
                  "rule_of_law_breakdown", "is_example"]
        widgets = {"national_provisions": forms.Textarea(attrs={"rows": 3})}


class CsvForm(forms.Form):
    what = forms.ChoiceField(choices=[("countries", "Country profiles"), ("contacts", "Government contacts")])
    file = forms.FileField()


class FollowUpForm(forms.Form):
    kind = forms.ChoiceField(choices=[(InterventionKind.REPLY, "Reply received"),
                                      (InterventionKind.FOLLOW_UP, "Follow-up sent")])
    date = forms.DateField(initial=dt.date.today, widget=forms.DateInput(attrs={"type": "date"}))
    correspondent = forms.CharField(max_length=300, required=False)
    subject = forms.CharField(max_length=300, required=False)
    notes = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)
    file = forms.FileField(required=False)

    def direction(self) -> str:
        return Direction.RECEIVED if self.cleaned_data["kind"] == InterventionKind.REPLY else Direction.SENT
