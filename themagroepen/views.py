from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, ListView

from kennisplatform import access
from themagroepen.models import Membership, Themagroep


class ThemagroepListView(ListView):
    template_name = "themagroepen/themagroep_list.html"
    context_object_name = "themagroepen"

    def get_queryset(self):
        return access.filter_readable(Themagroep.objects.all(), self.request.user)


class ThemagroepDetailView(DetailView):
    template_name = "themagroepen/themagroep_detail.html"
    context_object_name = "themagroep"

    def get_object(self, queryset=None):
        themagroep = get_object_or_404(Themagroep, slug=self.kwargs["slug"])
        access.check_can_read(self.request.user, themagroep)
        return themagroep

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        themagroep = self.object
        context["is_member"] = access.keys_overlap(themagroep.content_keys(), access.held_keys(self.request.user))
        context["member_count"] = Membership.objects.filter(themagroep=themagroep).count()
        return context
