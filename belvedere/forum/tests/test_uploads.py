import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from belvedere.forum.models import Upload


def png(name="pic.png", size=(8, 8), fmt="PNG"):
    buffer = io.BytesIO()
    Image.new("RGB", size, "red").save(buffer, fmt)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def test_reply_with_an_uploaded_image(client, mallory, topic, settings):
    client.force_login(mallory)
    response = client.post(f"/forum/t/{topic.pk}/reply/", {"body": "See this", "image": png()})
    assert response.status_code == 302
    upload = Upload.objects.get()
    assert upload.file.name.startswith("forum/") and upload.file.name.endswith(".png")
    assert (settings.MEDIA_ROOT / upload.file.name).exists()
    post = topic.posts.get(number=2)
    assert f'<img src="{upload.file.url}" alt="image"' in post.body_html
    assert 'loading="lazy"' in post.body_html


def test_a_fake_image_is_refused_and_the_text_kept(client, mallory, topic):
    client.force_login(mallory)
    fake = SimpleUploadedFile("evil.png", b"<svg onload=alert(1)>", content_type="image/png")
    response = client.post(f"/forum/t/{topic.pk}/reply/", {"body": "Look", "image": fake})
    assert response.status_code == 200
    assert "image" in response.context["reply_form"].errors
    assert not Upload.objects.exists() and topic.posts.count() == 1


def test_images_have_a_size_cap_and_a_format_list(client, mallory, topic, settings):
    settings.FORUM_UPLOAD_MAX_BYTES = 10
    client.force_login(mallory)
    response = client.post(f"/forum/t/{topic.pk}/reply/", {"body": "Big", "image": png()})
    assert "image" in response.context["reply_form"].errors
    settings.FORUM_UPLOAD_MAX_BYTES = 10**6
    bmp = png("pic.bmp", fmt="BMP")
    response = client.post(f"/forum/t/{topic.pk}/reply/", {"body": "Bmp", "image": bmp})
    assert "image" in response.context["reply_form"].errors


def test_api_upload(client, mallory, token_for):
    auth = {"HTTP_AUTHORIZATION": f"Bearer {token_for(mallory)}"}
    response = client.post("/api/v1/forum/uploads", {"file": png()}, **auth)
    assert response.status_code == 201
    assert response.json()["markdown"].startswith("![image](/media/forum/")
    bad = SimpleUploadedFile("x.gif", b"GIF89a-not-really", content_type="image/gif")
    assert client.post("/api/v1/forum/uploads", {"file": bad}, **auth).status_code == 422
    assert client.post("/api/v1/forum/uploads", {"file": png()}).status_code == 401
