<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html dir="ltr" lang="vi-VN">
<head><meta name="GENERATOR" content="Microsoft SharePoint" />
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<meta http-equiv="X-UA-Compatible" content="IE=10" />
<title>
	Tin tức - Sự kiện - Sở Thông tin và Truyền thông tỉnh Cao Bằng
</title>
<link rel="canonical" href="https://sotttt.caobang.gov.vn/Pages/tin-tuc.aspx" />
<link rel="stylesheet" type="text/css" href="/Style%20Library/css/portal.css" />
<script type="text/javascript">var _spPageContextInfo = {webServerRelativeUrl: "\u002f", webLanguage: 1066, currentLanguage: 1066};</script>
</head>
<body>
<form method="post" action="./tin-tuc.aspx" id="aspnetForm">
<div class="aspNetHidden"><input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwhPcIZoKhnRUBctT7QNkFZdrWrHCE9whmgqGdFQFy1PtA2QVl2tascIT3CGaCoZ0VAXLU+0DZBWXa1qxw" /></div>
<div id="s4-workspace"><div id="s4-bodyContainer">
<div class="header-top"><span class="today">Hôm nay: Thứ Tư, 25/11/2026</span></div>
<div class="banner"><a href="/Pages/Home.aspx"><img src="/PublishingImages/banner.png" alt="Sở Thông tin và Truyền thông tỉnh Cao Bằng" /></a></div>
<div class="menu-top"><ul>
<li><a href="/Pages/Home.aspx">Trang chủ</a></li>
<li><a href="/Pages/tin-tuc.aspx">Tin tức - Sự kiện</a></li>
<li><a href="/Pages/lich-cong-tac.aspx?nam=2025&amp;tuan=7">Lịch công tác</a></li>
</ul></div>
<div id="contentRow"><div class="col-left">
<div class="breadcrumb"><a href="/Pages/Home.aspx">Trang chủ</a> &gt; Tin tức - Sự kiện</div>
<h1 class="category-title">Tin tức - Sự kiện</h1>
<div class="news-list">
<div class="news-item"><div class="news-image"><a href="/Pages/tin-tuc/So-Thong-tin-va-Truyen-thong-trien-khai-nhiem-vu-nam-2025.aspx?ItemID=4871"><img src="/PublishingImages/tin-tuc/anh-tin-2.png" alt="" /></a></div><div class="news-info"><a class="news-title" href="/Pages/tin-tuc/So-Thong-tin-va-Truyen-thong-trien-khai-nhiem-vu-nam-2025.aspx?ItemID=4871">Sở Thông tin và Truyền thông triển khai nhiệm vụ năm 2025</a> <span class="news-date">(20/02/2025)</span><p class="news-sapo">Chiều 19/02/2025, Sở Thông tin và Truyền thông tỉnh Cao Bằng tổ chức hội nghị tổng kết công tác năm 2024 và triển khai nhiệm vụ năm 2025, trước thời điểm hợp nhất với Sở Khoa học và Công nghệ.</p></div></div>
<div class="news-item"><div class="news-image"><a href="/Pages/tin-tuc/Cao-Bang-day-manh-cung-cap-dich-vu-cong-truc-tuyen-toan-trinh.aspx?ItemID=4520"><img src="/PublishingImages/tin-tuc/anh-tin-2.png" alt="" /></a></div><div class="news-info"><a class="news-title" href="/Pages/tin-tuc/Cao-Bang-day-manh-cung-cap-dich-vu-cong-truc-tuyen-toan-trinh.aspx?ItemID=4520">Cao Bằng đẩy mạnh cung cấp dịch vụ công trực tuyến toàn trình</a> <span class="news-date">(18/06/2024)</span><p class="news-sapo">Sáu tháng đầu năm 2024, tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận trực tuyến trên địa bàn tỉnh Cao Bằng đạt trên 55%, tăng mạnh so với cùng kỳ năm trước.</p></div></div>
<div class="news-item"><div class="news-image"><a href="/Pages/tin-tuc/Nhung-diem-moi-cua-quy-dinh-ve-bao-ve-du-lieu-ca-nhan.aspx?ItemID=4105"><img src="/PublishingImages/tin-tuc/anh-tin-2.png" alt="" /></a></div><div class="news-info"><a class="news-title" href="/Pages/tin-tuc/Nhung-diem-moi-cua-quy-dinh-ve-bao-ve-du-lieu-ca-nhan.aspx?ItemID=4105">Những điểm mới của quy định về bảo vệ dữ liệu cá nhân</a> <span class="news-date">(30/05/2023)</span><p class="news-sapo">Nghị định số 13/2023/NĐ-CP ngày 17/4/2023 của Chính phủ về bảo vệ dữ liệu cá nhân có hiệu lực từ ngày 01/7/2023. Đây là văn bản pháp lý toàn diện đầu tiên về bảo vệ dữ liệu cá nhân tại Việt Nam.</p></div></div>
<div class="news-item"><div class="news-image"><a href="/Pages/tin-tuc/Ra-mat-To-cong-nghe-so-cong-dong-tai-cac-xa-phuong-thi-tran.aspx?ItemID=3702"><img src="/PublishingImages/tin-tuc/anh-tin-1.png" alt="" /></a></div><div class="news-info"><a class="news-title" href="/Pages/tin-tuc/Ra-mat-To-cong-nghe-so-cong-dong-tai-cac-xa-phuong-thi-tran.aspx?ItemID=3702">Ra mắt Tổ công nghệ số cộng đồng tại các xã, phường, thị trấn</a> <span class="news-date">(20/12/2022)</span><p class="news-sapo">Đến ngày 15/12/2022, 100% xã, phường, thị trấn trên địa bàn tỉnh Cao Bằng đã thành lập và ra mắt Tổ công nghệ số cộng đồng với gần 9.000 thành viên.</p></div></div>
<div class="news-item"><div class="news-image"><a href="/Pages/tin-tuc/Phat-trien-kinh-te-so-va-xa-hoi-so-co-hoi-cho-tinh-mien-nui.aspx?ItemID=3320"><img src="/PublishingImages/tin-tuc/anh-tin-1.png" alt="" /></a></div><div class="news-info"><a class="news-title" href="/Pages/tin-tuc/Phat-trien-kinh-te-so-va-xa-hoi-so-co-hoi-cho-tinh-mien-nui.aspx?ItemID=3320">Phát triển kinh tế số và xã hội số: cơ hội cho tỉnh miền núi</a> <span class="news-date">(22/04/2022)</span><p class="news-sapo">Chiến lược quốc gia phát triển kinh tế số và xã hội số đến năm 2025, định hướng đến năm 2030 mở ra nhiều cơ hội cho các tỉnh miền núi như Cao Bằng đưa sản phẩm địa phương ra thị trường rộng lớn hơn.</p></div></div>
</div>
<div class="pagination"><span class="active">1</span> <a href="/Pages/tin-tuc.aspx?page=2">2</a> <a href="/Pages/tin-tuc.aspx?page=3">3</a> <a href="/Pages/tin-tuc.aspx?page=2" rel="next">Trang sau</a></div>
</div>
<div class="col-right">
<div class="box-right"><div class="box-title">Tin mới</div>
<ul>
<li><a href="/Pages/tin-tuc/So-Thong-tin-va-Truyen-thong-trien-khai-nhiem-vu-nam-2025.aspx?ItemID=4871">Sở Thông tin và Truyền thông triển khai nhiệm vụ năm 2025</a></li>
<li><a href="/Pages/tin-tuc/Cao-Bang-day-manh-cung-cap-dich-vu-cong-truc-tuyen-toan-trinh.aspx?ItemID=4520">Cao Bằng đẩy mạnh cung cấp dịch vụ công trực tuyến toàn trình</a></li>
<li><a href="/Pages/tin-tuc/Nhung-diem-moi-cua-quy-dinh-ve-bao-ve-du-lieu-ca-nhan.aspx?ItemID=4105">Những điểm mới của quy định về bảo vệ dữ liệu cá nhân</a></li>
<li><a href="/Pages/tin-tuc/Ra-mat-To-cong-nghe-so-cong-dong-tai-cac-xa-phuong-thi-tran.aspx?ItemID=3702">Ra mắt Tổ công nghệ số cộng đồng tại các xã, phường, thị trấn</a></li>
<li><a href="/Pages/tin-tuc/Phat-trien-kinh-te-so-va-xa-hoi-so-co-hoi-cho-tinh-mien-nui.aspx?ItemID=3320">Phát triển kinh tế số và xã hội số: cơ hội cho tỉnh miền núi</a></li>
</ul>
</div>
<div class="box-right"><div class="box-title">Xem nhiều</div>
<ul>
<li><a href="/Pages/tin-tuc/Cao-Bang-huong-toi-Chinh-phu-so-theo-chien-luoc-moi.aspx?ItemID=2871">Cao Bằng hướng tới Chính phủ số theo chiến lược mới</a></li>
<li><a href="/Pages/tin-tuc/Phat-trien-kinh-te-so-va-xa-hoi-so-co-hoi-cho-tinh-mien-nui.aspx?ItemID=3320">Phát triển kinh tế số và xã hội số: cơ hội cho tỉnh miền núi</a></li>
<li><a href="/Pages/tin-tuc/Hoi-thi-tin-hoc-khoi-can-bo-cong-chuc-tinh-Cao-Bang-nam-2016.aspx?ItemID=587">Hội thi tin học khối cán bộ, công chức tỉnh Cao Bằng năm 2016</a></li>
<li><a href="/Pages/tin-tuc/Tap-huan-bao-dam-an-toan-he-thong-thong-tin-theo-cap-do.aspx?ItemID=845">Tập huấn bảo đảm an toàn hệ thống thông tin theo cấp độ</a></li>
<li><a href="/Pages/tin-tuc/Trung-tam-Phuc-vu-hanh-chinh-cong-tinh-Cao-Bang-chinh-thuc-di-vao-hoat-dong.aspx?ItemID=1204">Trung tâm Phục vụ hành chính công tỉnh Cao Bằng chính thức đi vào hoạt động</a></li>
</ul>
</div>
</div>
</div>
<div class="footer"><p><strong>SỞ THÔNG TIN VÀ TRUYỀN THÔNG TỈNH CAO BẰNG</strong></p>
<p>Địa chỉ: Trung tâm hành chính tỉnh, thành phố Cao Bằng, tỉnh Cao Bằng</p>
<p>Chịu trách nhiệm chính: Giám đốc Sở Thông tin và Truyền thông</p></div>
</div></div>
</form>
</body>
</html>
