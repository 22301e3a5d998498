"""Publishing roles: Redacteuren write and submit, Eindredacteuren approve and publish.

Creates both groups with their page and collection permissions (on the tree root, so they hold
for every page) and the "Redactie" workflow with one approval task for the Eindredacteuren,
assigned to the root so every page goes through it.
"""

from django.db import migrations

EDITORS = "Redacteuren"
FINAL_EDITORS = "Eindredacteuren"
WORKFLOW = "Redactie"
TASK = "Eindredactie"


def _permission(apps, app_label, model, codename, name):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(content_type=content_type, codename=codename, defaults={"name": name})
    return permission


def create(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Page = apps.get_model("wagtailcore.Page")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    Collection = apps.get_model("wagtailcore.Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore.GroupCollectionPermission")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowTask = apps.get_model("wagtailcore.WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore.WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore.GroupApprovalTask")
    ContentType = apps.get_model("contenttypes.ContentType")

    root = Page.objects.filter(depth=1).first()
    root_collection = Collection.objects.filter(depth=1).first()
    access_admin = _permission(apps, "wagtailadmin", "admin", "access_admin", "Can access Wagtail admin")

    page_permissions = {
        EDITORS: ["add", "change"],
        FINAL_EDITORS: ["add", "change", "publish", "lock", "unlock"],
    }
    collection_permissions = ["add", "change", "choose"]
    groups = {}
    for name, kinds in page_permissions.items():
        group, _ = Group.objects.get_or_create(name=name)
        groups[name] = group
        group.permissions.add(access_admin)
        if root is not None:
            for kind in kinds:
                permission = _permission(apps, "wagtailcore", "page", f"{kind}_page", f"Can {kind} page")
                GroupPagePermission.objects.get_or_create(group=group, page=root, permission=permission)
        if root_collection is not None:
            for model in ("document", "image"):
                app_label = "wagtaildocs" if model == "document" else "wagtailimages"
                for kind in collection_permissions:
                    permission = _permission(apps, app_label, model, f"{kind}_{model}", f"Can {kind} {model}")
                    GroupCollectionPermission.objects.get_or_create(
                        group=group, collection=root_collection, permission=permission
                    )

    task_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    task = GroupApprovalTask.objects.filter(name=TASK).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK, content_type=task_type, active=True)
    task.groups.set([groups[FINAL_EDITORS]])
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    if root is not None:
        WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})


def remove(apps, schema_editor):
    apps.get_model("wagtailcore.Workflow").objects.filter(name=WORKFLOW).delete()
    apps.get_model("wagtailcore.Task").objects.filter(name=TASK).delete()
    apps.get_model("auth.Group").objects.filter(name__in=[EDITORS, FINAL_EDITORS]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("kennisbank", "0003_handreikingindexpage_hoofdstukpage_and_more"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]
    operations = [migrations.RunPython(create, remove)]
