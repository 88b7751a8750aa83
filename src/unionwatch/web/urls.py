from django.urls import path

from unionwatch.web import views, views_cases, views_monitoring, views_review

urlpatterns = [
    path("", views.home, name="home"),
    path("documents/", views.document_list, name="document-list"),
    path("documents/<int:pk>/", views.document_detail, name="document-detail"),
    path("cases/", views.case_list, name="case-list"),
    path("cases/<int:pk>/", views.case_detail, name="case-detail"),
    path("cases/<int:pk>/edit/<slug:action>/", views_cases.case_edit, name="case-edit"),
    path("cases/<int:pk>/calendar.ics", views_monitoring.case_ics, name="case-ics"),
    path("deadlines/", views_monitoring.deadline_list, name="deadline-list"),
    path("deadlines.ics", views_monitoring.deadlines_ics, name="deadlines-ics"),
    path("alerts/", views_monitoring.alert_list, name="alert-list"),
    path("alerts/<int:pk>/acknowledge/", views_monitoring.alert_acknowledge, name="alert-ack"),
    path("review/", views_review.review, name="review"),
    path("review/matches/<int:pk>/<slug:answer>/", views_review.review_match, name="review-match"),
    path("review/<slug:kind>/<int:pk>/<slug:answer>/", views_review.review_fact, name="review-fact"),
    path("judgements/<int:pk>/undo/", views_review.undo, name="judgement-undo"),
]
