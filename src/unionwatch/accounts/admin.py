from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from unionwatch.accounts.models import User


@admin.register(User)
class UnionwatchUserAdmin(UserAdmin):
    fieldsets = UserAdmin.fieldsets + (("Unionwatch", {"fields": ("role", "organization")}),)
    list_display = ("username", "email", "role", "organization", "is_active")
    list_filter = ("role", "is_active")
