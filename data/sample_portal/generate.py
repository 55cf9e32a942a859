"""Write the static files of the bundled sample portal.

The article content below is sample content written for the project: it imitates the news of
Vietnamese provincial government portals (and one mirror that republishes Bengali translations),
so that crawlers, extractors and the search UI can be exercised on loopback without network access.

    python data/sample_portal/generate.py [--out DIR]

writes DIR/sites/<host>/..., DIR/sites.json and DIR/expected.json (DIR defaults to this directory).
Standard library only. The output is deterministic.
"""
import argparse
import base64
import datetime as dt
import hashlib
import html
import json
import re
import shutil
import struct
import unicodedata
import zlib
from email.utils import format_datetime
from pathlib import Path
from urllib.parse import parse_qsl, quote

HERE = Path(__file__).resolve().parent
TODAY = dt.date(2026, 11, 25)  # the "today" shown in site headers (never a publication date)


def fig(caption, image=0):
    """A figure inside an article body: an image and its caption."""
    return ("fig", caption, image)


# --------------------------------------------------------------------------------------------
# Content: sodttg.langson.gov.vn (Sở Dân tộc và Tôn giáo tỉnh Lạng Sơn; older items were
# migrated from the former Ban Dân tộc tỉnh and Ban Tôn giáo, Sở Nội vụ)
# --------------------------------------------------------------------------------------------

SODTTG = [
    dict(
        key="s01", cat="tin-hoat-dong", when="2025-07-14 10:30", uploader="Lương Thị Thu Hà",
        slug="chi-bo-so-dan-toc-va-ton-giao-tinh-lang-son-to-chuc-sinh-hoat-chuyen-de-ve-chuyen-doi-so-theo-nghi-quyet-so-57-nq-tw-nga",
        title="Chi bộ Sở Dân tộc và Tôn giáo tỉnh Lạng Sơn tổ chức sinh hoạt chuyên đề về chuyển đổi số theo Nghị quyết số 57-NQ/TW",
        lead="Ngày 11/7/2025, Chi bộ Sở Dân tộc và Tôn giáo tỉnh Lạng Sơn tổ chức sinh hoạt chuyên đề với chủ đề “Nâng cao vai trò tiên phong, gương mẫu của đảng viên trong thực hiện chuyển đổi số theo Nghị quyết số 57-NQ/TW của Bộ Chính trị”.",
        body=[
            "Tham dự và chủ trì buổi sinh hoạt có đồng chí Bí thư Chi bộ, Giám đốc Sở cùng toàn thể đảng viên, cán bộ, công chức của Sở. Phát biểu khai mạc, đồng chí Bí thư Chi bộ nhấn mạnh: chuyển đổi số không còn là xu thế mà là nhiệm vụ bắt buộc nhằm nâng cao hiệu lực, hiệu quả quản lý nhà nước, phục vụ người dân và doanh nghiệp ngày càng tốt hơn. Đặc biệt, để thực hiện các nhiệm vụ đã được xác định tại Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị và Thông báo kết luận của Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số, thông qua Kế hoạch số 160/KH-UBND ngày 14/6/2025 của UBND tỉnh Lạng Sơn thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị, mỗi đảng viên, cán bộ trong Chi bộ cần nắm vững nhiệm vụ, giải pháp, xác định rõ trách nhiệm nêu gương, đi đầu trong tổ chức thực hiện.",
            fig("(Đồng chí Mã Thành Trung, phụ trách công tác chuyển đổi số của Sở trình bày chuyên đề)", 0),
            "Tại buổi sinh hoạt, các đảng viên đã tập trung thảo luận, phân tích sâu các nội dung trọng tâm như: đẩy mạnh ứng dụng công nghệ thông tin trong thực hiện nhiệm vụ chuyên môn; triển khai dịch vụ công trực tuyến mức độ cao; ứng dụng phần mềm quản lý văn bản và điều hành; xây dựng cơ sở dữ liệu đồng bộ về lĩnh vực dân tộc, tôn giáo phục vụ công tác tham mưu, chỉ đạo, điều hành; những hạn chế, khó khăn trong công tác chuyển đổi số tại Sở. Đồng thời, Chi bộ đã đề xuất nhiều giải pháp thiết thực nhằm nâng cao nhận thức, kỹ năng số cho cán bộ; bảo đảm an toàn, an ninh thông tin; tăng cường phối hợp với các sở, ngành liên quan trong quá trình triển khai. Buổi sinh hoạt chuyên đề diễn ra trong không khí nghiêm túc, trách nhiệm, phát huy tinh thần dân chủ, sáng tạo với nhiều ý kiến đóng góp xác đáng, thể hiện quyết tâm của Chi bộ trong việc thực hiện hiệu quả nhiệm vụ chuyển đổi số, góp phần vào sự phát triển chung của tỉnh.",
            fig("(Quang cảnh buổi sinh hoạt chuyên đề)", 1),
            "Kết luận buổi sinh hoạt, đồng chí Bí thư Chi bộ đề nghị mỗi đảng viên, công chức, người lao động tiếp tục nghiên cứu sâu nội dung Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị và Kế hoạch số 160/KH-UBND ngày 14/6/2025 của UBND tỉnh Lạng Sơn, xây dựng kế hoạch cá nhân gắn với chức trách, nhiệm vụ được giao; đồng thời nhấn mạnh vai trò gương mẫu, tiên phong của mỗi đảng viên trong học tập, ứng dụng công nghệ số vào công việc hằng ngày, góp phần xây dựng nền hành chính hiện đại, chuyên nghiệp, phục vụ tốt nhất Nhân dân, đồng bào các dân tộc, các tôn giáo trên địa bàn.",
        ],
        author=("Nguyễn Mạnh Cường", "Chánh Văn phòng"),
        docs=["57-NQ/TW", "160/KH-UBND"],
    ),
    dict(
        key="s02", cat="tin-hoat-dong", when="2025-06-27 15:10", uploader="Lương Thị Thu Hà",
        title="Sở Dân tộc và Tôn giáo triển khai Kế hoạch thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị",
        lead="Chiều 26/6/2025, Sở Dân tộc và Tôn giáo tỉnh Lạng Sơn tổ chức hội nghị quán triệt, triển khai Kế hoạch số 160/KH-UBND ngày 14/6/2025 của UBND tỉnh thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia.",
        body=[
            "Dự hội nghị có lãnh đạo Sở, trưởng, phó các phòng chuyên môn và toàn thể công chức, người lao động của cơ quan. Đại diện Văn phòng Sở đã phổ biến những nội dung cơ bản của Kế hoạch, trong đó xác định mục tiêu đến năm 2030 tỉnh Lạng Sơn cơ bản hoàn thành chuyển đổi số trong các cơ quan nhà nước, 100% thủ tục hành chính đủ điều kiện được cung cấp dưới dạng dịch vụ công trực tuyến toàn trình.",
            "Theo Kế hoạch, Sở Dân tộc và Tôn giáo được giao chủ trì xây dựng cơ sở dữ liệu về công tác dân tộc, tín ngưỡng, tôn giáo trên địa bàn tỉnh; phối hợp với Sở Khoa học và Công nghệ kết nối, chia sẻ dữ liệu với Cơ sở dữ liệu quốc gia về dân cư và Hệ thống thông tin giải quyết thủ tục hành chính của tỉnh.",
            fig("Quang cảnh hội nghị triển khai Kế hoạch số 160/KH-UBND", 1),
            "Phát biểu chỉ đạo, đồng chí Giám đốc Sở yêu cầu các phòng chuyên môn khẩn trương rà soát, đề xuất nhiệm vụ cụ thể, có lộ trình và phân công rõ người, rõ việc, rõ thời hạn. Việc thực hiện Nghị quyết 57 phải gắn với nhiệm vụ chính trị của ngành, lấy hiệu quả phục vụ đồng bào các dân tộc, các tôn giáo làm thước đo.",
            "Đồng chí cũng đề nghị mỗi công chức chủ động tự học, nâng cao kỹ năng số, sử dụng thành thạo phần mềm quản lý văn bản và điều hành, chữ ký số cá nhân; phấn đấu 100% hồ sơ công việc được xử lý trên môi trường mạng, trừ văn bản mật theo quy định.",
            "Sau hội nghị, Sở sẽ ban hành kế hoạch cụ thể của cơ quan, định kỳ hằng quý đánh giá kết quả thực hiện và báo cáo UBND tỉnh theo quy định./.",
        ],
        author=("Hoàng Thị Thu Hà", "Phó Chánh Văn phòng"),
        docs=["160/KH-UBND", "57-NQ/TW"],
        attachment=("/uploads/files/2025/06/ke-hoach-160-kh-ubnd.pdf", "Kế hoạch số 160/KH-UBND ngày 14/6/2025 của UBND tỉnh (bản PDF)"),
    ),
    dict(
        key="s03", cat="tin-hoat-dong", when="2025-03-03 09:00", uploader="Đinh Thị Thu Hằng",
        title="Công bố quyết định thành lập Sở Dân tộc và Tôn giáo tỉnh Lạng Sơn",
        lead="Sáng 01/3/2025, UBND tỉnh Lạng Sơn tổ chức hội nghị công bố quyết định thành lập Sở Dân tộc và Tôn giáo trên cơ sở tiếp nhận chức năng, nhiệm vụ của Ban Dân tộc tỉnh và chức năng quản lý nhà nước về tín ngưỡng, tôn giáo từ Sở Nội vụ.",
        body=[
            "Thực hiện Nghị quyết số 18-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương Đảng khóa XII về một số vấn đề tiếp tục đổi mới, sắp xếp tổ chức bộ máy của hệ thống chính trị tinh gọn, hoạt động hiệu lực, hiệu quả và Nghị định số 45/2025/NĐ-CP ngày 28/02/2025 của Chính phủ quy định tổ chức các cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh, thành phố trực thuộc Trung ương, UBND tỉnh đã ban hành Quyết định số 395/QĐ-UBND ngày 28/02/2025 về việc thành lập Sở Dân tộc và Tôn giáo tỉnh Lạng Sơn.",
            "Theo quyết định, Sở Dân tộc và Tôn giáo là cơ quan chuyên môn thuộc UBND tỉnh, thực hiện chức năng tham mưu, giúp UBND tỉnh quản lý nhà nước về công tác dân tộc, tín ngưỡng, tôn giáo; có tư cách pháp nhân, con dấu và tài khoản riêng. Cơ cấu tổ chức của Sở gồm Văn phòng, Thanh tra, Phòng Chính sách dân tộc và Phòng Tôn giáo.",
            fig("Lãnh đạo UBND tỉnh trao quyết định và tặng hoa chúc mừng Ban Giám đốc Sở Dân tộc và Tôn giáo", 0),
            "Phát biểu giao nhiệm vụ, đồng chí Phó Chủ tịch UBND tỉnh đề nghị tập thể lãnh đạo Sở nhanh chóng ổn định tổ chức, kiện toàn bộ máy, bố trí cán bộ phù hợp với vị trí việc làm; không để gián đoạn công việc, nhất là việc giải quyết thủ tục hành chính và thực hiện các chính sách đối với vùng đồng bào dân tộc thiểu số.",
            "Thay mặt tập thể công chức, người lao động, đồng chí Giám đốc Sở Dân tộc và Tôn giáo tiếp thu ý kiến chỉ đạo, cam kết đoàn kết, thống nhất, phát huy truyền thống của Ban Dân tộc tỉnh, hoàn thành tốt nhiệm vụ được giao ngay từ những ngày đầu đi vào hoạt động.",
        ],
        author=("Nguyễn Mạnh Cường", "Chánh Văn phòng"),
        docs=["18-NQ/TW", "45/2025/NĐ-CP", "395/QĐ-UBND"],
    ),
    dict(
        key="s04", cat="cong-tac-ton-giao", when="2025-04-18 16:05", uploader="Đinh Thị Thu Hằng",
        title="Hội nghị triển khai nhiệm vụ công tác tín ngưỡng, tôn giáo năm 2025",
        lead="Ngày 17/4/2025, Sở Dân tộc và Tôn giáo tổ chức hội nghị triển khai nhiệm vụ công tác tín ngưỡng, tôn giáo năm 2025 với sự tham dự của đại diện các sở, ngành, UBND các huyện, thành phố.",
        body=[
            "Năm 2024, tình hình tín ngưỡng, tôn giáo trên địa bàn tỉnh cơ bản ổn định; các tổ chức tôn giáo hoạt động tuân thủ pháp luật, gắn bó, đồng hành cùng dân tộc. Toàn tỉnh hiện có 4 tôn giáo được Nhà nước công nhận là Phật giáo, Công giáo, Tin lành và Cao Đài với trên 5.000 tín đồ, sinh hoạt tại các cơ sở thờ tự và điểm nhóm đã được đăng ký.",
            "Công tác quản lý nhà nước về tín ngưỡng, tôn giáo được triển khai đồng bộ theo Luật Tín ngưỡng, tôn giáo và Nghị định số 95/2023/NĐ-CP ngày 29/12/2023 của Chính phủ quy định chi tiết một số điều và biện pháp thi hành Luật Tín ngưỡng, tôn giáo. Các thủ tục hành chính về đăng ký sinh hoạt tôn giáo tập trung, đăng ký người vào tu, thông báo tổ chức lễ hội tín ngưỡng được giải quyết đúng hạn.",
            fig("Đại biểu tham dự hội nghị triển khai nhiệm vụ công tác tín ngưỡng, tôn giáo năm 2025", 1),
            "Bên cạnh kết quả đạt được, hội nghị cũng chỉ ra một số tồn tại như việc nắm tình hình ở một số xã vùng sâu, vùng xa còn chậm; hiện tượng tôn giáo mới, hoạt động truyền đạo trái pháp luật qua mạng xã hội còn tiềm ẩn yếu tố phức tạp.",
            "Năm 2025, ngành tập trung tuyên truyền, phổ biến chính sách, pháp luật về tín ngưỡng, tôn giáo; hướng dẫn các tổ chức tôn giáo tổ chức các ngày lễ lớn an toàn, tiết kiệm; giải quyết kịp thời các kiến nghị chính đáng của chức sắc, chức việc và tín đồ; đẩy mạnh tiếp nhận hồ sơ trực tuyến trên Cổng Dịch vụ công quốc gia.",
            "Kết luận hội nghị, đồng chí Phó Giám đốc Sở đề nghị các địa phương tăng cường phối hợp, chủ động nắm chắc tình hình, không để phát sinh điểm nóng; phát huy vai trò của chức sắc, người có uy tín trong việc vận động tín đồ sống “tốt đời, đẹp đạo”./.",
        ],
        author=("Lăng Thị Hồng", "Trưởng phòng Tôn giáo"),
        docs=["95/2023/NĐ-CP"],
    ),
    dict(
        key="s05", cat="chinh-sach-dan-toc", when="2024-12-20 08:45", uploader="Đinh Thị Thu Hằng",
        title="Lạng Sơn: Kết quả nổi bật sau 4 năm thực hiện Chương trình mục tiêu quốc gia phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi",
        lead="Giai đoạn 2021 – 2024, tỉnh Lạng Sơn đã huy động và lồng ghép nhiều nguồn lực để thực hiện Chương trình mục tiêu quốc gia phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi, góp phần thay đổi rõ nét diện mạo nông thôn vùng cao.",
        body=[
            "Chương trình được triển khai theo Quyết định số 1719/QĐ-TTg ngày 14/10/2021 của Thủ tướng Chính phủ, cụ thể hóa Nghị quyết số 88/2019/QH14 ngày 18/11/2019 của Quốc hội phê duyệt Đề án tổng thể phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi giai đoạn 2021 – 2030. Tổng vốn được giao cho tỉnh trong 4 năm đạt trên 2.700 tỷ đồng.",
            "Từ nguồn vốn của Chương trình, toàn tỉnh đã hỗ trợ đất ở cho hơn 300 hộ, nhà ở cho trên 2.100 hộ, nước sinh hoạt phân tán cho gần 9.000 hộ đồng bào dân tộc thiểu số; đầu tư xây dựng mới và cải tạo hàng trăm công trình giao thông, trường học, nhà văn hóa thôn.",
            fig("Tuyến đường bê tông tại thôn Khuổi Phầy, xã Hữu Liên, huyện Hữu Lũng được đầu tư từ nguồn vốn Chương trình", 0),
            "Các dự án hỗ trợ phát triển sản xuất theo chuỗi giá trị được triển khai gắn với thế mạnh của từng địa phương như hồi, quế, thạch đen, na, hồng không hạt. Nhiều mô hình đã giúp người dân tăng thu nhập, từng bước thoát nghèo bền vững.",
            "Tỷ lệ hộ nghèo vùng đồng bào dân tộc thiểu số giảm bình quân trên 4% mỗi năm, vượt mục tiêu đề ra. Hạ tầng thiết yếu ở các xã đặc biệt khó khăn được cải thiện, tỷ lệ thôn có đường ô tô đến trung tâm xã được cứng hóa đạt trên 90%.",
            "Tuy vậy, việc giải ngân một số dự án thành phần còn chậm do vướng mắc về hướng dẫn, định mức hỗ trợ và năng lực thực hiện ở cấp xã còn hạn chế. Thời gian tới, tỉnh tiếp tục tháo gỡ khó khăn, phấn đấu giải ngân hết kế hoạch vốn năm 2025, hoàn thành các mục tiêu của giai đoạn I.",
        ],
        author=("Triệu Văn Lâm", "Trưởng phòng Kế hoạch - Tổng hợp"),
        docs=["1719/QĐ-TTg", "88/2019/QH14"],
    ),
    dict(
        key="s06", cat="chinh-sach-dan-toc", when="2023-09-15 10:00", uploader="Lương Văn Quân",
        title="Kiểm tra việc thực hiện chính sách hỗ trợ nhà ở, nước sinh hoạt tại huyện Bình Gia",
        lead="Từ ngày 12 đến 14/9/2023, đoàn công tác của Ban Dân tộc tỉnh đã kiểm tra tiến độ thực hiện Dự án 1 thuộc Chương trình mục tiêu quốc gia phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi tại huyện Bình Gia.",
        body=[
            "Đoàn đã làm việc với UBND huyện và kiểm tra thực tế tại các xã Hoàng Văn Thụ, Tân Văn, Hồng Phong. Năm 2023, huyện Bình Gia được giao hỗ trợ nhà ở cho 186 hộ và nước sinh hoạt phân tán cho 540 hộ theo Quyết định số 1719/QĐ-TTg của Thủ tướng Chính phủ.",
            "Qua kiểm tra, phần lớn các hộ được hỗ trợ đã hoàn thành xây dựng nhà ở, bảo đảm tiêu chí “3 cứng”; các hộ được hỗ trợ bồn chứa nước sử dụng đúng mục đích. Việc bình xét đối tượng được thực hiện công khai, dân chủ, có sự tham gia của trưởng thôn và người có uy tín.",
            fig("Đoàn công tác kiểm tra nhà ở được hỗ trợ của hộ ông Hoàng Văn Sình, thôn Nà Pàn, xã Tân Văn", 1),
            "Bên cạnh đó, đoàn cũng chỉ ra một số hạn chế như hồ sơ thanh quyết toán ở một số xã chưa đầy đủ; một số hộ nghèo gặp khó khăn về vốn đối ứng nên tiến độ xây dựng còn chậm.",
            "Đoàn đề nghị UBND huyện chỉ đạo các xã hoàn thiện hồ sơ, huy động sự hỗ trợ của dòng họ, cộng đồng và các tổ chức đoàn thể giúp các hộ sớm hoàn thành nhà ở trước mùa mưa bão; đồng thời báo cáo kết quả về Ban Dân tộc trước ngày 30/10/2023./.",
        ],
        author=("Vi Thị Hương", None),
        docs=["1719/QĐ-TTg"],
    ),
    dict(
        key="s07", cat="tin-hoat-dong", when="2022-10-07 14:00", uploader="Lương Văn Quân",
        title="Triển khai Đề án 06 về phát triển ứng dụng dữ liệu dân cư tại Ban Dân tộc tỉnh",
        lead="Ngày 05/10/2022, Ban Dân tộc tỉnh Lạng Sơn tổ chức hội nghị quán triệt Kế hoạch số 203/KH-UBND ngày 27/9/2022 của UBND tỉnh triển khai Đề án phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử phục vụ chuyển đổi số quốc gia giai đoạn 2022 – 2025, tầm nhìn đến năm 2030.",
        body=[
            "Đề án được Thủ tướng Chính phủ phê duyệt tại Quyết định số 06/QĐ-TTg ngày 06/01/2022, xác định việc khai thác Cơ sở dữ liệu quốc gia về dân cư là nền tảng để cải cách thủ tục hành chính, cung cấp dịch vụ công trực tuyến và phát triển công dân số.",
            "Theo kế hoạch của tỉnh, Ban Dân tộc có trách nhiệm rà soát các thủ tục hành chính thuộc thẩm quyền, cắt giảm giấy tờ công dân khi đã khai thác được thông tin trên cơ sở dữ liệu; phối hợp với Công an tỉnh làm sạch dữ liệu về người có uy tín trong đồng bào dân tộc thiểu số.",
            "Tại hội nghị, đại diện Công an tỉnh đã hướng dẫn cán bộ, công chức cài đặt, kích hoạt tài khoản định danh điện tử mức độ 2 trên ứng dụng VNeID. Ngay sau hội nghị, 100% công chức của Ban đã hoàn thành việc đăng ký.",
            fig("Cán bộ Công an tỉnh hướng dẫn công chức Ban Dân tộc kích hoạt tài khoản định danh điện tử", 0),
            "Trưởng ban đề nghị các phòng chuyên môn xác định triển khai Đề án 06 là nhiệm vụ thường xuyên, gắn với cải cách hành chính và chuyển đổi số của cơ quan; định kỳ báo cáo kết quả để tổng hợp gửi UBND tỉnh.",
        ],
        author=("CTV", None),
        docs=["203/KH-UBND", "06/QĐ-TTg"],
    ),
    dict(
        key="s08", cat="tin-hoat-dong", when="2022-03-22 09:30", uploader="Lương Văn Quân",
        title="Tập huấn kỹ năng số cho cán bộ làm công tác dân tộc cấp huyện, cấp xã",
        lead="Trong hai ngày 21 – 22/3/2022, Ban Dân tộc tỉnh tổ chức lớp tập huấn nâng cao kỹ năng số cho hơn 120 cán bộ làm công tác dân tộc ở các huyện, thành phố và các xã vùng đồng bào dân tộc thiểu số.",
        body=[
            "Lớp tập huấn nhằm cụ thể hóa Nghị quyết số 49-NQ/TU ngày 28/9/2021 của Ban Thường vụ Tỉnh ủy về chuyển đổi số tỉnh Lạng Sơn đến năm 2025, định hướng đến năm 2030, trong đó xác định phát triển nguồn nhân lực số là một trong những nhiệm vụ trọng tâm.",
            "Các học viên được giới thiệu tổng quan về chuyển đổi số, chính quyền số; được hướng dẫn sử dụng phần mềm quản lý văn bản, ký số trên thiết bị di động, khai thác hệ thống báo cáo trực tuyến của ngành và kỹ năng nhận diện, phòng tránh lừa đảo trên không gian mạng.",
            fig("Học viên thực hành ký số văn bản trên điện thoại di động", 1),
            "Điểm mới của lớp tập huấn là phần thực hành theo nhóm, mỗi học viên được hướng dẫn trực tiếp trên máy tính và điện thoại của mình. Nhiều cán bộ xã cho biết, sau tập huấn đã tự tin hơn khi tiếp nhận, xử lý hồ sơ trên môi trường mạng.",
            "Ông Nông Văn Lợi, công chức Văn hóa - Xã hội xã Thanh Lòa, huyện Cao Lộc chia sẻ: “Trước đây, mỗi lần báo cáo số liệu về chính sách dân tộc, chúng tôi phải in ra, ký, đóng dấu rồi gửi qua bưu điện. Nay chỉ cần nhập trên phần mềm và ký số là xong, tiết kiệm rất nhiều thời gian”.",
            "Năm 2022, Ban Dân tộc dự kiến tổ chức thêm 2 lớp tập huấn cho người có uy tín và trưởng thôn, góp phần đưa kỹ năng số đến gần hơn với đồng bào vùng cao.",
        ],
        author=("Bế Thị Lan", "Chuyên viên Văn phòng Ban"),
        docs=["49-NQ/TU"],
    ),
    dict(
        key="s09", cat="chinh-sach-dan-toc", when="2019-10-03 16:30", uploader="Hoàng Văn Quý",
        title="Đại hội đại biểu các dân tộc thiểu số tỉnh Lạng Sơn lần thứ III, năm 2019 thành công tốt đẹp",
        lead="Trong hai ngày 01 và 02/10/2019, tại thành phố Lạng Sơn, Đại hội đại biểu các dân tộc thiểu số tỉnh Lạng Sơn lần thứ III, năm 2019 đã diễn ra với chủ đề “Các dân tộc tỉnh Lạng Sơn đoàn kết, sáng tạo, phát huy tiềm năng, lợi thế, hội nhập và phát triển bền vững”.",
        body=[
            "Đại hội được tổ chức theo Chỉ thị số 12/CT-TTg ngày 12/4/2018 của Thủ tướng Chính phủ về việc tổ chức Đại hội đại biểu các dân tộc thiểu số các cấp tiến tới Đại hội đại biểu toàn quốc các dân tộc thiểu số Việt Nam lần thứ II. Về dự Đại hội có 350 đại biểu chính thức, đại diện cho đồng bào Nùng, Tày, Kinh, Dao, Sán Chay, Hoa, Mông và các dân tộc khác trong tỉnh.",
            "Báo cáo tại Đại hội cho biết, giai đoạn 2014 – 2019, kinh tế vùng đồng bào dân tộc thiểu số của tỉnh có bước phát triển khá; thu nhập bình quân đầu người tăng gần 1,5 lần so với năm 2014; tỷ lệ hộ nghèo giảm bình quân 3,5%/năm. Bản sắc văn hóa các dân tộc được giữ gìn và phát huy; quốc phòng, an ninh vùng biên giới được bảo đảm.",
            fig("Các đại biểu biểu quyết thông qua Nghị quyết Đại hội", 0),
            "Đại hội đã thảo luận, thống nhất các mục tiêu cho giai đoạn 2019 – 2024, trong đó phấn đấu giảm tỷ lệ hộ nghèo vùng đồng bào dân tộc thiểu số bình quân từ 3% trở lên mỗi năm, 100% xã có đường ô tô đến trung tâm được cứng hóa, trên 95% hộ đồng bào được sử dụng điện lưới quốc gia.",
            "Dịp này, 60 tập thể và 95 cá nhân tiêu biểu trong sự nghiệp xây dựng và bảo vệ Tổ quốc được UBND tỉnh tặng Bằng khen. Đại hội cũng bầu đoàn đại biểu gồm 45 người đi dự Đại hội đại biểu toàn quốc các dân tộc thiểu số Việt Nam lần thứ II.",
        ],
        author=("Nông Văn Tuấn", None),
        docs=["12/CT-TTg"],
    ),
    dict(
        key="s10", cat="chinh-sach-dan-toc", when="2020-06-05 15:45", uploader="Hoàng Văn Quý",
        title="Triển khai Nghị quyết số 88/2019/QH14 về Đề án tổng thể phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số",
        lead="Ngày 04/6/2020, Ban Dân tộc tỉnh phối hợp với các sở, ngành tổ chức hội nghị triển khai Nghị quyết số 88/2019/QH14 của Quốc hội và Nghị quyết số 12/NQ-CP ngày 15/02/2020 của Chính phủ.",
        body=[
            "Nghị quyết số 88/2019/QH14 ngày 18/11/2019 của Quốc hội phê duyệt Đề án tổng thể phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi giai đoạn 2021 – 2030 được đánh giá là dấu mốc quan trọng, lần đầu tiên có một chương trình mục tiêu quốc gia riêng dành cho vùng đồng bào dân tộc thiểu số.",
            "Để triển khai Nghị quyết của Quốc hội, Chính phủ đã ban hành Nghị quyết số 12/NQ-CP giao nhiệm vụ cụ thể cho các bộ, ngành và địa phương, trong đó có việc xác định các xã, thôn vùng đồng bào dân tộc thiểu số theo trình độ phát triển làm căn cứ phân bổ nguồn lực.",
            "Tại hội nghị, đại biểu đã được nghe hướng dẫn quy trình xác định xã khu vực I, II, III và thôn đặc biệt khó khăn. Lạng Sơn là tỉnh có trên 80% dân số là người dân tộc thiểu số nên việc rà soát cần bảo đảm chính xác, khách quan, đúng tiêu chí.",
            "Phó Trưởng ban Dân tộc tỉnh đề nghị UBND các huyện, thành phố chỉ đạo cấp xã khẩn trương tổ chức rà soát, lập hồ sơ gửi về Ban Dân tộc trước ngày 15/7/2020 để tổng hợp, báo cáo UBND tỉnh trình Ủy ban Dân tộc thẩm định.",
        ],
        author=("Lộc Văn Hùng", "Phó Trưởng ban Dân tộc tỉnh"),
        docs=["88/2019/QH14", "12/NQ-CP"],
    ),
    dict(
        key="s11", cat="tin-hoat-dong", when="2018-08-21 10:15", uploader="Hoàng Văn Quý",
        title="Chi bộ Ban Dân tộc tỉnh quán triệt Nghị quyết Trung ương 6 khóa XII",
        lead="Sáng 20/8/2018, Chi bộ Ban Dân tộc tỉnh tổ chức hội nghị học tập, quán triệt Nghị quyết số 18-NQ/TW và Nghị quyết số 19-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương Đảng khóa XII.",
        body=[
            "Nghị quyết số 18-NQ/TW đề ra mục tiêu tiếp tục đổi mới, sắp xếp tổ chức bộ máy của hệ thống chính trị tinh gọn, hoạt động hiệu lực, hiệu quả; đến năm 2021 giảm tối thiểu 10% biên chế so với năm 2015. Nghị quyết số 19-NQ/TW tập trung đổi mới hệ thống tổ chức và quản lý, nâng cao chất lượng và hiệu quả hoạt động của các đơn vị sự nghiệp công lập.",
            "Báo cáo viên đã phân tích những điểm mới, những nhiệm vụ trọng tâm của hai Nghị quyết; liên hệ với thực tiễn của tỉnh, trong đó có việc rà soát chức năng, nhiệm vụ, tránh chồng chéo giữa Ban Dân tộc và các sở, ngành trong thực hiện chính sách dân tộc.",
            "Sau khi học tập, mỗi đảng viên viết bài thu hoạch, xây dựng chương trình hành động cá nhân. Chi bộ sẽ cụ thể hóa thành kế hoạch, gắn với việc xây dựng đề án vị trí việc làm và tinh giản biên chế của cơ quan.",
            "Đồng chí Bí thư Chi bộ yêu cầu các đảng viên nâng cao tinh thần trách nhiệm, gương mẫu chấp hành chủ trương của Đảng, không dao động, băn khoăn trước việc sắp xếp, góp phần xây dựng bộ máy cơ quan gọn nhẹ, hiệu quả.",
        ],
        author=("PV", None),
        docs=["18-NQ/TW", "19-NQ/TW"],
    ),
    dict(
        key="s12", cat="cong-tac-ton-giao", when="2017-05-12 08:20", uploader="Hoàng Văn Quý",
        title="Lãnh đạo tỉnh thăm, chúc mừng Đại lễ Phật đản năm 2017",
        lead="Nhân dịp Đại lễ Phật đản Phật lịch 2561 – Dương lịch 2017, ngày 10/5/2017, đoàn công tác của tỉnh do đồng chí Phó Chủ tịch UBND tỉnh làm trưởng đoàn đã đến thăm, chúc mừng Ban Trị sự Giáo hội Phật giáo Việt Nam tỉnh Lạng Sơn.",
        body=[
            "Tại chùa Tiên, thành phố Lạng Sơn, thay mặt lãnh đạo tỉnh, đồng chí Phó Chủ tịch UBND tỉnh gửi lời chúc mừng tới chư tôn đức tăng, ni và đồng bào Phật tử trong tỉnh; ghi nhận những đóng góp của Phật giáo Lạng Sơn trong các hoạt động từ thiện, nhân đạo, xây dựng khối đại đoàn kết toàn dân tộc.",
            "Đồng chí thông tin, Luật Tín ngưỡng, tôn giáo số 02/2016/QH14 được Quốc hội thông qua ngày 18/11/2016 và có hiệu lực từ ngày 01/01/2018 đã thể chế hóa đầy đủ hơn quyền tự do tín ngưỡng, tôn giáo của mọi người. Chính quyền các cấp luôn tạo điều kiện để các tổ chức tôn giáo hoạt động đúng pháp luật.",
            fig("Đoàn công tác của tỉnh chúc mừng Ban Trị sự Giáo hội Phật giáo Việt Nam tỉnh", 1),
            "Thay mặt Ban Trị sự, Thượng tọa Trưởng ban cảm ơn sự quan tâm của lãnh đạo tỉnh, khẳng định sẽ tiếp tục vận động tăng, ni, Phật tử thực hiện tốt phương châm “Đạo pháp – Dân tộc – Chủ nghĩa xã hội”, tổ chức Đại lễ Phật đản trang nghiêm, an toàn, tiết kiệm.",
            "Cùng ngày, đoàn đã đến thăm, tặng quà một số cơ sở thờ tự Phật giáo tại huyện Cao Lộc và thành phố Lạng Sơn.",
        ],
        author=("Hứa Thị Mai", None),
        docs=["02/2016/QH14"],
    ),
    dict(
        key="s13", cat="tin-hoat-dong", when="2016-03-08", uploader="Hoàng Văn Quý",
        title="Ban Dân tộc tỉnh triển khai nhiệm vụ công tác năm 2016",
        lead="Ngày 04/3/2016, Ban Dân tộc tỉnh Lạng Sơn tổ chức hội nghị tổng kết công tác dân tộc năm 2015, triển khai nhiệm vụ năm 2016.",
        body=[
            "Năm 2015, Ban Dân tộc đã tham mưu cho UBND tỉnh triển khai có hiệu quả các chương trình, chính sách dân tộc như Chương trình 135, chính sách hỗ trợ trực tiếp cho người dân thuộc hộ nghèo ở vùng khó khăn, chính sách đối với người có uy tín. Tổng kinh phí thực hiện các chính sách trong năm đạt trên 350 tỷ đồng.",
            "Việc thực hiện Chiến lược công tác dân tộc đến năm 2020 được phê duyệt tại Quyết định số 449/QĐ-TTg ngày 12/3/2013 của Thủ tướng Chính phủ đạt nhiều kết quả; đời sống vật chất và tinh thần của đồng bào các dân tộc từng bước được cải thiện.",
            "Năm 2016, Ban tập trung tham mưu tổ chức thực hiện Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XVI; chuẩn bị các điều kiện triển khai chương trình, chính sách dân tộc giai đoạn 2016 – 2020; nâng cao chất lượng công tác thanh tra, kiểm tra và tiếp công dân.",
            "Phát biểu tại hội nghị, đồng chí Trưởng ban đề nghị cán bộ, công chức phát huy tinh thần đoàn kết, chủ động trong công việc, bám sát cơ sở, kịp thời nắm bắt tâm tư, nguyện vọng của đồng bào để tham mưu giải quyết.",
        ],
        author=("Nông Thị Hạnh", "Chánh Văn phòng Ban"),
        docs=["449/QĐ-TTg"],
    ),
    dict(
        key="s14", cat="chinh-sach-dan-toc", when="2015-11-20 14:00", uploader="Hoàng Văn Quý",
        title="Bảo tồn và phát huy giá trị hát then, đàn tính của đồng bào Tày, Nùng",
        lead="Hát then, đàn tính là loại hình sinh hoạt văn hóa đặc sắc của đồng bào Tày, Nùng ở Lạng Sơn. Những năm qua, công tác bảo tồn, phát huy giá trị di sản này được các cấp, các ngành quan tâm.",
        body=[
            "Thực hiện Nghị quyết số 23 – NQ/TW ngày 16/6/2008 của Bộ Chính trị về tiếp tục xây dựng và phát triển văn học, nghệ thuật trong thời kỳ mới, tỉnh Lạng Sơn đã chú trọng sưu tầm, phục dựng các làn điệu then cổ, khuyến khích thành lập các câu lạc bộ hát then, đàn tính ở thôn, bản.",
            "Hiện toàn tỉnh có trên 40 câu lạc bộ hát then, đàn tính với hàng nghìn hội viên, trong đó nhiều câu lạc bộ có thành viên là học sinh. Các nghệ nhân cao tuổi ở huyện Tràng Định, Bình Gia vẫn miệt mài truyền dạy cho thế hệ trẻ.",
            fig("Câu lạc bộ hát then, đàn tính xã Chi Lăng biểu diễn tại ngày hội văn hóa các dân tộc", 0),
            "Bên cạnh đó, vẫn còn không ít khó khăn: lớp nghệ nhân am hiểu then cổ ngày càng ít; kinh phí hoạt động của các câu lạc bộ chủ yếu do hội viên tự đóng góp; một bộ phận thanh niên chưa mặn mà với làn điệu truyền thống.",
            "Thời gian tới, Ban Dân tộc tỉnh sẽ phối hợp với Sở Văn hóa, Thể thao và Du lịch tham mưu hỗ trợ kinh phí cho các câu lạc bộ tiêu biểu, đưa hát then vào hoạt động ngoại khóa ở trường học vùng đồng bào dân tộc, gắn bảo tồn di sản với phát triển du lịch cộng đồng.",
        ],
        author=("Lương Văn Khánh", None),
        docs=["23-NQ/TW"],
    ),
    dict(
        key="s15", cat="chinh-sach-dan-toc", when="2017-11-28 09:00", uploader="Hoàng Văn Quý",
        title="Giảm nghèo bền vững ở các xã đặc biệt khó khăn huyện Đình Lập",
        lead="Sau gần hai năm thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2016 – 2020, diện mạo nhiều thôn, bản vùng cao huyện Đình Lập đã có những chuyển biến tích cực.",
        body=[
            "Chương trình được Thủ tướng Chính phủ phê duyệt tại Quyết định số 1722/QĐ-TTg ngày 02/9/2016, với mục tiêu giảm tỷ lệ hộ nghèo cả nước bình quân 1 – 1,5%/năm, riêng các huyện nghèo giảm 4%/năm. Đình Lập là một trong hai huyện nghèo của tỉnh được hưởng cơ chế hỗ trợ theo Chương trình 30a.",
            "Từ nguồn vốn Chương trình 30a và Chương trình 135, huyện đã đầu tư xây dựng nhiều tuyến đường liên thôn, công trình thủy lợi nhỏ; hỗ trợ người dân giống cây quế, cây hồi, con trâu, con bò để phát triển sản xuất.",
            fig("Người dân xã Bính Xá, huyện Đình Lập chăm sóc cây quế được hỗ trợ giống", 1),
            "Gia đình anh Hoàng Văn Nhất, thôn Khe Luông, xã Bắc Xa là một ví dụ. Được hỗ trợ 2 con bò sinh sản cùng kỹ thuật chăn nuôi, sau hai năm đàn bò của gia đình đã tăng lên 5 con; cuối năm 2017, gia đình anh làm đơn xin ra khỏi danh sách hộ nghèo.",
            "Theo số liệu rà soát, tỷ lệ hộ nghèo của huyện Đình Lập giảm từ 37,2% năm 2016 xuống còn khoảng 32% cuối năm 2017. Huyện phấn đấu đến năm 2020 mỗi năm giảm từ 4 – 5% hộ nghèo, từng bước thoát khỏi danh sách huyện nghèo.",
        ],
        author=("Chu Văn Thành", "Phó Trưởng phòng Chính sách dân tộc"),
        docs=["1722/QĐ-TTg"],
    ),
    dict(
        key="s16", cat="cong-tac-ton-giao", when="2024-05-16 15:30", uploader="Đinh Thị Thu Hằng",
        malformed=True,
        title="Hướng dẫn đăng ký sinh hoạt tôn giáo tập trung theo quy định mới",
        lead="Ngày 15/5/2024, Ban Tôn giáo (Sở Nội vụ) tổ chức hội nghị hướng dẫn thực hiện các thủ tục hành chính về đăng ký sinh hoạt tôn giáo tập trung theo quy định mới có hiệu lực từ ngày 30/3/2024.",
        body=[
            "Hội nghị có sự tham dự của cán bộ làm công tác tôn giáo cấp huyện, cấp xã và đại diện các điểm nhóm sinh hoạt tôn giáo tập trung trên địa bàn tỉnh. Báo cáo viên đã giới thiệu những nội dung cơ bản của Nghị định số 95/2023/NĐ-CP ngày 29/12/2023 của Chính phủ quy định chi tiết một số điều và biện pháp thi hành Luật Tín ngưỡng, tôn giáo.",
            "Theo quy định mới, hồ sơ đăng ký sinh hoạt tôn giáo tập trung được nộp tại UBND cấp xã nơi có địa điểm hợp pháp để sinh hoạt; UBND cấp xã có trách nhiệm trả lời bằng văn bản trong thời hạn quy định. Người đại diện nhóm có thể nộp hồ sơ trực tuyến qua Cổng Dịch vụ công quốc gia.",
            fig("Cán bộ Ban Tôn giáo hướng dẫn thủ tục đăng ký sinh hoạt tôn giáo tập trung", 0),
            "Các đại biểu đã trao đổi nhiều vướng mắc trong thực tiễn như xác định địa điểm hợp pháp, thay đổi người đại diện nhóm, sinh hoạt tôn giáo của người nước ngoài cư trú hợp pháp tại Việt Nam.",
            "Kết thúc hội nghị, Ban Tôn giáo đề nghị UBND cấp xã niêm yết công khai thủ tục, hướng dẫn tận tình để các điểm nhóm hoàn thiện hồ sơ, bảo đảm quyền tự do tín ngưỡng, tôn giáo của Nhân dân theo đúng quy định của pháp luật./.",
        ],
        author=("Lục Thị Nga", "Phó Trưởng ban Tôn giáo"),
        docs=["95/2023/NĐ-CP"],
    ),
    dict(
        key="s17", cat="tin-hoat-dong", when="2021-04-09 16:00", uploader="Lương Văn Quân",
        title="Đẩy mạnh gửi, nhận văn bản điện tử và sử dụng chữ ký số",
        lead="Thực hiện Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư, từ đầu năm 2021 Ban Dân tộc tỉnh đã chuyển mạnh sang gửi, nhận văn bản điện tử có ký số.",
        body=[
            "Theo Nghị định số 30/2020/NĐ-CP, văn bản điện tử được ký số bởi người có thẩm quyền và ký số của cơ quan, tổ chức theo quy định có giá trị pháp lý như bản gốc văn bản giấy. Đây là căn cứ quan trọng để các cơ quan hành chính giảm dần việc sử dụng văn bản giấy.",
            "Tại Ban Dân tộc tỉnh, 100% lãnh đạo và công chức đã được cấp chứng thư số cá nhân; văn bản đi được ký số và phát hành qua phần mềm quản lý văn bản và điều hành của tỉnh, trừ văn bản mật. Trong quý I/2021, Ban đã phát hành trên 95% văn bản dưới dạng điện tử.",
            "Việc ứng dụng văn bản điện tử giúp rút ngắn thời gian luân chuyển, tiết kiệm chi phí in ấn, gửi văn bản và thuận tiện trong tra cứu, lưu trữ. Lãnh đạo Ban có thể xử lý công việc mọi lúc, mọi nơi trên thiết bị di động.",
            "Tuy vậy, một số xã vùng sâu còn hạn chế về đường truyền và trang thiết bị nên việc tiếp nhận văn bản điện tử đôi lúc còn chậm. Ban Dân tộc kiến nghị các địa phương quan tâm đầu tư hạ tầng, đồng thời tiếp tục bồi dưỡng kỹ năng cho đội ngũ văn thư cơ sở.",
        ],
        author=("Hoàng Văn Quý", "Chuyên viên Văn phòng"),
        docs=["30/2020/NĐ-CP"],
    ),
    dict(
        key="s18", cat="cong-tac-ton-giao", when="2025-08-19 11:00", uploader="Lương Thị Thu Hà",
        title="Tăng cường quản lý hoạt động tại các cơ sở tín ngưỡng trên địa bàn tỉnh",
        lead="Sở Dân tộc và Tôn giáo vừa có văn bản đề nghị UBND các xã, phường tăng cường quản lý hoạt động tín ngưỡng, bảo đảm an ninh, trật tự tại các đình, đền, miếu trong dịp lễ Vu lan và Rằm tháng Bảy năm 2025.",
        body=[
            "Thực hiện ý kiến chỉ đạo của UBND tỉnh tại Công văn số 2881/VP-KGVX ngày 07/5/2025 của Văn phòng UBND tỉnh, Sở đề nghị các địa phương rà soát, nắm chắc số lượng cơ sở tín ngưỡng, người đại diện hoặc ban quản lý cơ sở tín ngưỡng trên địa bàn.",
            "Các cơ sở tín ngưỡng khi tổ chức lễ hội phải thông báo với UBND cấp xã theo quy định; không để xảy ra các hoạt động mê tín dị đoan, lợi dụng tín ngưỡng để trục lợi; quản lý, sử dụng tiền công đức, tài trợ đúng mục đích, công khai, minh bạch.",
            "Sau khi sắp xếp đơn vị hành chính cấp xã từ ngày 01/7/2025, Sở đề nghị UBND các xã, phường kịp thời phân công công chức phụ trách công tác tín ngưỡng, tôn giáo, cập nhật lại hồ sơ quản lý các cơ sở tín ngưỡng, tránh để gián đoạn.",
            fig("Lễ hội đền Bắc Lệ, một trong những lễ hội tín ngưỡng lớn của tỉnh Lạng Sơn", 1),
            "Sở Dân tộc và Tôn giáo sẽ thành lập các đoàn kiểm tra tại một số cơ sở tín ngưỡng có đông người tham gia, kịp thời chấn chỉnh những sai phạm, báo cáo UBND tỉnh kết quả trước ngày 15/9/2025./.",
        ],
        author=("Vi Văn Toàn", "Chuyên viên Phòng Tôn giáo"),
        docs=["2881/VP-KGVX"],
    ),
]


# --------------------------------------------------------------------------------------------
# Content: sotttt.caobang.gov.vn (Sở Thông tin và Truyền thông tỉnh Cao Bằng, SharePoint portal)
# byline: a person (bold italic last paragraph) or a "Nguồn tin:" credit (a source, not an author)
# --------------------------------------------------------------------------------------------

CAOBANG = [
    dict(
        key="c01", item_id=312, when="2015-11-12 08:30",
        title="Cao Bằng triển khai Nghị quyết 36a/NQ-CP về Chính phủ điện tử",
        lead="Ngày 10/11/2015, Sở Thông tin và Truyền thông tổ chức hội nghị triển khai Nghị quyết số 36a/NQ-CP ngày 14/10/2015 của Chính phủ về Chính phủ điện tử tới các sở, ban, ngành và UBND các huyện, thành phố.",
        body=[
            "Nghị quyết số 36a/NQ-CP đặt mục tiêu đẩy mạnh ứng dụng công nghệ thông tin trong hoạt động của cơ quan nhà nước, nâng cao chất lượng phục vụ người dân và doanh nghiệp, công khai, minh bạch hoạt động của cơ quan nhà nước trên môi trường mạng.",
            "Tại hội nghị, đại diện Sở Thông tin và Truyền thông đánh giá hạ tầng công nghệ thông tin của tỉnh còn nhiều hạn chế: tỷ lệ máy tính trên cán bộ ở cấp xã mới đạt khoảng 60%, nhiều xã vùng cao chưa có đường truyền Internet tốc độ cao, số dịch vụ công trực tuyến mức độ 3 còn ít.",
            fig("Quang cảnh hội nghị triển khai Nghị quyết 36a/NQ-CP", 0),
            "Để thực hiện Nghị quyết, Sở đề xuất UBND tỉnh ban hành kế hoạch hành động với các nhiệm vụ trọng tâm: hoàn thiện Cổng thông tin điện tử tỉnh, triển khai hệ thống một cửa điện tử tại các sở, ngành, từng bước cung cấp dịch vụ công trực tuyến mức độ 3, mức độ 4 đối với các thủ tục có số lượng hồ sơ lớn.",
            "Các đại biểu đã thảo luận về giải pháp bố trí kinh phí, đào tạo nguồn nhân lực và bảo đảm an toàn thông tin khi triển khai các hệ thống dùng chung của tỉnh.",
        ],
        byline="Hoàng Văn Dũng",
        docs=["36a/NQ-CP"],
    ),
    dict(
        key="c02", item_id=587, when="2016-08-24 15:20",
        title="Hội thi tin học khối cán bộ, công chức tỉnh Cao Bằng năm 2016",
        lead="Trong hai ngày 22 và 23/8/2016, Sở Thông tin và Truyền thông phối hợp với Sở Nội vụ tổ chức Hội thi tin học khối cán bộ, công chức tỉnh Cao Bằng năm 2016.",
        body=[
            "Hội thi được tổ chức theo Quyết định số 1131/QĐ-UBND ngày 20/7/2016 của UBND tỉnh, thu hút 18 đội thi đến từ các sở, ban, ngành và UBND các huyện, thành phố.",
            "Các thí sinh tranh tài ở ba phần thi: kiến thức về ứng dụng công nghệ thông tin trong cơ quan nhà nước, thực hành tin học văn phòng và khai thác phần mềm quản lý văn bản. Nội dung thi bám sát yêu cầu công việc thực tế của cán bộ, công chức.",
            "Kết quả, giải Nhất toàn đoàn thuộc về đội Sở Tài chính; giải Nhì thuộc về đội UBND thành phố Cao Bằng và đội Sở Kế hoạch và Đầu tư; giải Ba thuộc về các đội huyện Trùng Khánh, Hòa An và Sở Giáo dục và Đào tạo.",
            fig("Ban Tổ chức trao giải Nhất toàn đoàn cho đội Sở Tài chính", 1),
            "Phát biểu bế mạc, Phó Giám đốc Sở Thông tin và Truyền thông khẳng định Hội thi là dịp để cán bộ, công chức trau dồi kỹ năng, góp phần thúc đẩy cải cách hành chính và xây dựng chính quyền điện tử của tỉnh.",
        ],
        source="Phòng Công nghệ thông tin",
        docs=["1131/QĐ-UBND"],
    ),
    dict(
        key="c03", item_id=845, when="2017-06-07 09:45",
        title="Tập huấn bảo đảm an toàn hệ thống thông tin theo cấp độ",
        lead="Sáng 06/6/2017, Sở Thông tin và Truyền thông tổ chức hội nghị tập huấn bảo đảm an toàn hệ thống thông tin theo cấp độ cho cán bộ chuyên trách công nghệ thông tin các cơ quan nhà nước trên địa bàn tỉnh.",
        body=[
            "Nghị định số 85/2016/NĐ-CP ngày 01/7/2016 của Chính phủ quy định hệ thống thông tin được phân loại theo 5 cấp độ, tương ứng với mức độ ảnh hưởng khi bị xâm phạm. Chủ quản hệ thống thông tin có trách nhiệm xác định cấp độ và triển khai phương án bảo đảm an toàn tương ứng.",
            "Các học viên được hướng dẫn lập hồ sơ đề xuất cấp độ, quy trình thẩm định, phê duyệt; nhận diện các nguy cơ mất an toàn thông tin phổ biến như mã độc tống tiền, tấn công thay đổi giao diện trang thông tin điện tử, lừa đảo qua thư điện tử.",
            "Thời gian gần đây, đợt tấn công của mã độc WannaCry trên phạm vi toàn cầu đã ảnh hưởng tới hàng nghìn máy tính tại Việt Nam. Tại Cao Bằng, nhờ chủ động cập nhật bản vá và cảnh báo sớm, chưa ghi nhận trường hợp nào bị mã hóa dữ liệu.",
            fig("Cán bộ chuyên trách công nghệ thông tin tham gia tập huấn", 0),
            "Sở Thông tin và Truyền thông đề nghị các cơ quan, đơn vị khẩn trương rà soát, lập hồ sơ đề xuất cấp độ đối với các hệ thống thông tin đang vận hành, hoàn thành trong năm 2017.",
        ],
        byline="Nông Thị Thanh Huyền",
        docs=["85/2016/NĐ-CP"],
    ),
    dict(
        key="c04", item_id=1204, when="2018-10-18 14:10",
        title="Trung tâm Phục vụ hành chính công tỉnh Cao Bằng chính thức đi vào hoạt động",
        lead="Sáng 16/10/2018, UBND tỉnh Cao Bằng tổ chức lễ khai trương Trung tâm Phục vụ hành chính công tỉnh, đầu mối tiếp nhận hồ sơ, trả kết quả giải quyết thủ tục hành chính của các sở, ban, ngành.",
        body=[
            "Trung tâm được thành lập theo quy định tại Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ về thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính. Giai đoạn đầu, Trung tâm tiếp nhận trên 1.300 thủ tục hành chính thuộc thẩm quyền của 17 sở, ngành.",
            "Toàn bộ quy trình tiếp nhận, xử lý hồ sơ được thực hiện trên phần mềm một cửa điện tử do Sở Thông tin và Truyền thông vận hành. Người dân có thể tra cứu tình trạng hồ sơ qua mã vạch trên giấy hẹn hoặc trên Cổng dịch vụ công của tỉnh.",
            fig("Người dân làm thủ tục tại Trung tâm Phục vụ hành chính công tỉnh", 1),
            "Phát biểu tại lễ khai trương, lãnh đạo UBND tỉnh yêu cầu đội ngũ công chức làm việc tại Trung tâm phải thân thiện, tận tụy, không gây phiền hà, sách nhiễu; mọi trường hợp trễ hẹn phải có văn bản xin lỗi người dân.",
            "Việc đưa Trung tâm vào hoạt động được kỳ vọng góp phần nâng cao chỉ số cải cách hành chính và chỉ số hài lòng của người dân đối với sự phục vụ của cơ quan hành chính nhà nước.",
        ],
        source="Báo Cao Bằng",
        docs=["61/2018/NĐ-CP"],
    ),
    dict(
        key="c05", item_id=1788, when="2019-11-05 10:00",
        title="Quán triệt Nghị quyết số 52-NQ/TW về chủ động tham gia cuộc Cách mạng công nghiệp lần thứ tư",
        lead="Ngày 04/11/2019, Đảng ủy Sở Thông tin và Truyền thông tổ chức hội nghị học tập, quán triệt Nghị quyết số 52-NQ/TW ngày 27/9/2019 của Bộ Chính trị về một số chủ trương, chính sách chủ động tham gia cuộc Cách mạng công nghiệp lần thứ tư.",
        body=[
            "Nghị quyết số 52-NQ/TW xác định mục tiêu đến năm 2025 duy trì xếp hạng chỉ số đổi mới sáng tạo toàn cầu thuộc nhóm dẫn đầu ASEAN, kinh tế số chiếm khoảng 20% GDP; hạ tầng mạng băng rộng phủ 100% các xã.",
            "Báo cáo viên nhấn mạnh, Nghị quyết cùng với Nghị quyết số 17/NQ-CP ngày 07/3/2019 của Chính phủ về một số nhiệm vụ, giải pháp trọng tâm phát triển Chính phủ điện tử tạo hành lang quan trọng để các địa phương như Cao Bằng đẩy mạnh ứng dụng công nghệ số.",
            "Với đặc thù là tỉnh miền núi, biên giới, Cao Bằng xác định ưu tiên phát triển hạ tầng viễn thông ở vùng sâu, vùng xa; xây dựng nền tảng dữ liệu dùng chung và đào tạo nguồn nhân lực công nghệ thông tin tại chỗ.",
            fig("Đảng viên Đảng bộ Sở Thông tin và Truyền thông học tập Nghị quyết số 52-NQ/TW", 0),
            "Sau hội nghị, các chi bộ trực thuộc xây dựng chương trình hành động cụ thể, gắn với nhiệm vụ chuyên môn của từng phòng, đơn vị.",
        ],
        byline="Lương Văn Bình",
        docs=["52-NQ/TW", "17/NQ-CP"],
    ),
    dict(
        key="c06", item_id=2106, when="2020-03-26 16:40",
        title="Khuyến khích người dân sử dụng dịch vụ công trực tuyến trong thời gian phòng, chống dịch COVID-19",
        lead="Để hạn chế tiếp xúc trực tiếp trong thời gian phòng, chống dịch COVID-19, Sở Thông tin và Truyền thông khuyến khích người dân, doanh nghiệp nộp hồ sơ thủ tục hành chính qua mạng.",
        body=[
            "Hiện nay, Cổng dịch vụ công của tỉnh đã cung cấp 412 dịch vụ công trực tuyến mức độ 3 và 4, đồng thời được kết nối với Cổng Dịch vụ công quốc gia được thành lập theo Quyết định số 274/QĐ-TTg ngày 12/3/2019 của Thủ tướng Chính phủ.",
            "Người dân có thể đăng ký tài khoản, nộp hồ sơ, thanh toán lệ phí và nhận kết quả qua dịch vụ bưu chính công ích mà không cần đến cơ quan nhà nước. Hướng dẫn chi tiết được đăng tải trên Cổng thông tin điện tử tỉnh và các trang mạng xã hội chính thức của tỉnh.",
            "Sở đề nghị các cơ quan, đơn vị tuyên truyền rộng rãi, đồng thời bố trí cán bộ trực hỗ trợ qua điện thoại để giải đáp vướng mắc cho người dân trong quá trình nộp hồ sơ trực tuyến.",
            fig("Cán bộ bưu điện hỗ trợ người dân nộp hồ sơ trực tuyến", 1),
        ],
        byline="Đàm Thị Ngọc",
        docs=["274/QĐ-TTg"],
    ),
    dict(
        key="c07", item_id=2398, when="2020-09-15 08:00",
        title="Triển khai Chương trình Chuyển đổi số quốc gia trên địa bàn tỉnh Cao Bằng",
        lead="Sở Thông tin và Truyền thông đã hoàn thành dự thảo Kế hoạch chuyển đổi số tỉnh Cao Bằng đến năm 2025, định hướng đến năm 2030 và gửi xin ý kiến các sở, ngành, địa phương.",
        body=[
            "Dự thảo được xây dựng trên cơ sở Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ phê duyệt Chương trình Chuyển đổi số quốc gia đến năm 2025, định hướng đến năm 2030, với ba trụ cột là chính quyền số, kinh tế số và xã hội số.",
            "Theo dự thảo, đến năm 2025, 100% hồ sơ công việc cấp tỉnh, 90% cấp huyện và 60% cấp xã được xử lý trên môi trường mạng; tỷ lệ dịch vụ công trực tuyến mức độ 4 đạt tối thiểu 80%; các lĩnh vực ưu tiên chuyển đổi số gồm y tế, giáo dục, nông nghiệp, du lịch và tài nguyên môi trường.",
            "Các cơ quan, đơn vị góp ý dự thảo bằng văn bản gửi về Sở Thông tin và Truyền thông trước ngày 30/9/2020. Toàn văn dự thảo được đăng tải kèm theo tin này.",
            fig("Hệ thống hội nghị truyền hình trực tuyến của tỉnh", 0),
        ],
        byline="Hoàng Văn Dũng",
        docs=["749/QĐ-TTg"],
        attachment=("/Documents/du-thao-ke-hoach-chuyen-doi-so-tinh-cao-bang.pdf", "Dự thảo Kế hoạch chuyển đổi số tỉnh Cao Bằng (PDF)"),
    ),
    dict(
        key="c08", item_id=2871, when="2021-07-20 09:30",
        title="Cao Bằng hướng tới Chính phủ số theo chiến lược mới",
        lead="Chiến lược phát triển Chính phủ điện tử hướng tới Chính phủ số giai đoạn 2021 – 2025, định hướng đến năm 2030 đặt ra nhiều yêu cầu mới đối với các địa phương, trong đó có Cao Bằng.",
        body=[
            "Theo Quyết định số 942/QĐ-TTg ngày 15/6/2021 của Thủ tướng Chính phủ, đến năm 2025 Việt Nam phấn đấu nằm trong nhóm 50 nước dẫn đầu về Chính phủ điện tử; 80% dịch vụ công trực tuyến mức độ 4 được cung cấp trên nhiều phương tiện truy cập khác nhau.",
            "Để cụ thể hóa Chiến lược, Sở Thông tin và Truyền thông tham mưu UBND tỉnh cập nhật Kiến trúc chính quyền điện tử tỉnh Cao Bằng phiên bản 2.0; xây dựng Nền tảng tích hợp, chia sẻ dữ liệu cấp tỉnh (LGSP) kết nối với Nền tảng quốc gia.",
            "Bên cạnh đó, tỉnh tập trung hoàn thiện Trung tâm dữ liệu, bảo đảm hạ tầng đủ năng lực cho các hệ thống dùng chung; triển khai giám sát an toàn thông tin tập trung, kết nối với hệ thống giám sát quốc gia.",
            fig("Trung tâm dữ liệu của tỉnh Cao Bằng", 1),
            "Một khó khăn lớn hiện nay là nguồn nhân lực công nghệ thông tin trong các cơ quan nhà nước còn mỏng; nhiều huyện mới có 1 cán bộ kiêm nhiệm. Tỉnh sẽ có cơ chế thu hút và đào tạo lại đội ngũ này trong thời gian tới.",
        ],
        source="Trung tâm Công nghệ thông tin và Truyền thông",
        docs=["942/QĐ-TTg"],
    ),
    dict(
        key="c09", item_id=3320, when="2022-04-22 15:00",
        title="Phát triển kinh tế số và xã hội số: cơ hội cho tỉnh miền núi",
        lead="Chiến lược quốc gia phát triển kinh tế số và xã hội số đến năm 2025, định hướng đến năm 2030 mở ra nhiều cơ hội cho các tỉnh miền núi như Cao Bằng đưa sản phẩm địa phương ra thị trường rộng lớn hơn.",
        body=[
            "Chiến lược được ban hành kèm theo Quyết định số 411/QĐ-TTg ngày 31/3/2022 của Thủ tướng Chính phủ, đặt mục tiêu tỷ trọng kinh tế số đạt 20% GDP vào năm 2025; tỷ lệ người dân trưởng thành có tài khoản giao dịch thanh toán đạt trên 80%.",
            "Thời gian qua, nhiều sản phẩm đặc trưng của Cao Bằng như miến dong, lạp sườn, hạt dẻ Trùng Khánh, trà hoa vàng đã được đưa lên các sàn thương mại điện tử Postmart, Voso. Nhiều hộ sản xuất đã quen với việc livestream bán hàng và nhận thanh toán qua mã QR.",
            fig("Sản phẩm miến dong Cao Bằng được giới thiệu trên sàn thương mại điện tử", 0),
            "Tuy nhiên, phần lớn các cơ sở sản xuất có quy mô nhỏ, chưa đáp ứng yêu cầu về truy xuất nguồn gốc, bao bì, nhãn mác; hạ tầng logistics ở các huyện vùng cao còn hạn chế, chi phí vận chuyển cao.",
            "Sở Thông tin và Truyền thông sẽ phối hợp với các doanh nghiệp bưu chính, viễn thông tiếp tục tập huấn kỹ năng bán hàng trực tuyến, hỗ trợ các hợp tác xã xây dựng gian hàng số, góp phần phát triển kinh tế số ở nông thôn.",
        ],
        byline="Triệu Thị Hà",
        docs=["411/QĐ-TTg"],
    ),
    dict(
        key="c10", item_id=3702, when="2022-12-20 10:20", malformed=True,
        title="Ra mắt Tổ công nghệ số cộng đồng tại các xã, phường, thị trấn",
        lead="Đến ngày 15/12/2022, 100% xã, phường, thị trấn trên địa bàn tỉnh Cao Bằng đã thành lập và ra mắt Tổ công nghệ số cộng đồng với gần 9.000 thành viên.",
        body=[
            "Việc thành lập Tổ công nghệ số cộng đồng được thực hiện theo hướng dẫn của Bộ Thông tin và Truyền thông tại Quyết định số 1907/QĐ-BTTTT. Thành viên của Tổ là cán bộ xã, trưởng thôn, đoàn viên thanh niên, nhân viên bưu điện, giáo viên và những người dân có hiểu biết về công nghệ.",
            "Nhiệm vụ của Tổ là “đi từng ngõ, gõ từng nhà, hướng dẫn từng người” sử dụng các nền tảng số, dịch vụ công trực tuyến, thanh toán không dùng tiền mặt; hỗ trợ người dân cài đặt ứng dụng định danh điện tử, kỹ năng bảo vệ thông tin cá nhân trên mạng.",
            fig("Thành viên Tổ công nghệ số cộng đồng hướng dẫn người dân xã Quang Trung cài đặt ứng dụng", 1),
            "Tại huyện Hà Quảng, các tổ đã phối hợp với đoàn thanh niên mở các điểm hỗ trợ lưu động vào các phiên chợ, giúp hàng trăm người dân lần đầu nộp hồ sơ trực tuyến.",
            "Sở Thông tin và Truyền thông đề nghị UBND cấp huyện quan tâm bố trí kinh phí, trang thiết bị và thường xuyên bồi dưỡng kiến thức cho thành viên Tổ để hoạt động hiệu quả, không hình thức.",
        ],
        byline="Bế Văn Hùng",
        docs=["1907/QĐ-BTTTT"],
    ),
    dict(
        key="c11", item_id=4105, when="2023-05-30 14:45",
        title="Những điểm mới của quy định về bảo vệ dữ liệu cá nhân",
        lead="Nghị định số 13/2023/NĐ-CP ngày 17/4/2023 của Chính phủ về bảo vệ dữ liệu cá nhân có hiệu lực từ ngày 01/7/2023. Đây là văn bản pháp lý toàn diện đầu tiên về bảo vệ dữ liệu cá nhân tại Việt Nam.",
        body=[
            "Nghị định phân loại dữ liệu cá nhân thành dữ liệu cá nhân cơ bản và dữ liệu cá nhân nhạy cảm; quy định rõ quyền của chủ thể dữ liệu như quyền được biết, quyền đồng ý, quyền xóa dữ liệu, quyền hạn chế xử lý dữ liệu.",
            "Các cơ quan, tổ chức, cá nhân xử lý dữ liệu cá nhân phải có sự đồng ý của chủ thể dữ liệu, trừ các trường hợp pháp luật quy định; phải lập hồ sơ đánh giá tác động xử lý dữ liệu cá nhân và thông báo khi xảy ra vi phạm trong thời hạn 72 giờ.",
            "Đối với các cơ quan nhà nước trên địa bàn tỉnh, Sở Thông tin và Truyền thông khuyến nghị rà soát các hệ thống thông tin có thu thập dữ liệu của công dân, đặc biệt là hệ thống một cửa điện tử, cơ sở dữ liệu chuyên ngành, để có biện pháp bảo vệ phù hợp.",
            fig("Hội nghị phổ biến Nghị định số 13/2023/NĐ-CP", 0),
            "Người dân cũng cần nâng cao cảnh giác, không cung cấp thông tin cá nhân, mã OTP cho người lạ; thận trọng khi cài đặt ứng dụng không rõ nguồn gốc.",
        ],
        byline="Ma Thị Duyên",
        docs=["13/2023/NĐ-CP"],
    ),
    dict(
        key="c12", item_id=4520, when="2024-06-18 09:10",
        title="Cao Bằng đẩy mạnh cung cấp dịch vụ công trực tuyến toàn trình",
        lead="Sáu tháng đầu năm 2024, tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận trực tuyến trên địa bàn tỉnh Cao Bằng đạt trên 55%, tăng mạnh so với cùng kỳ năm trước.",
        body=[
            "Thực hiện Nghị định số 42/2022/NĐ-CP ngày 24/6/2022 của Chính phủ quy định về việc cung cấp thông tin và dịch vụ công trực tuyến của cơ quan nhà nước trên môi trường mạng, tỉnh đã rà soát, tái cấu trúc quy trình, cung cấp 860 dịch vụ công trực tuyến toàn trình.",
            "UBND tỉnh đã ban hành Quyết định số 34/2024/QĐ-UBND về quy chế hoạt động của Cổng dịch vụ công và Hệ thống thông tin giải quyết thủ tục hành chính tỉnh, quy định rõ trách nhiệm của từng cơ quan trong tiếp nhận, xử lý hồ sơ trực tuyến.",
            fig("Giao diện Hệ thống thông tin giải quyết thủ tục hành chính tỉnh Cao Bằng", 1),
            "Nhiều thủ tục có số lượng hồ sơ lớn như cấp phiếu lý lịch tư pháp, đăng ký khai sinh, cấp đổi giấy phép lái xe đã được người dân nộp trực tuyến với tỷ lệ cao. Việc số hóa hồ sơ, kết quả giải quyết thủ tục hành chính cũng được đẩy mạnh.",
            "Thời gian tới, Sở Thông tin và Truyền thông tiếp tục phối hợp với Văn phòng UBND tỉnh nâng cấp hệ thống, tích hợp thanh toán trực tuyến, bảo đảm thông suốt, an toàn, thuận tiện cho người dùng.",
        ],
        byline="Đinh Thị Phương Thảo",
        docs=["42/2022/NĐ-CP", "34/2024/QĐ-UBND"],
    ),
    dict(
        key="c13", item_id=4871, when="2025-02-20 16:00",
        title="Sở Thông tin và Truyền thông triển khai nhiệm vụ năm 2025",
        lead="Chiều 19/02/2025, Sở Thông tin và Truyền thông tỉnh Cao Bằng tổ chức hội nghị tổng kết công tác năm 2024 và triển khai nhiệm vụ năm 2025, trước thời điểm hợp nhất với Sở Khoa học và Công nghệ.",
        body=[
            "Năm 2024, ngành thông tin và truyền thông tỉnh hoàn thành các chỉ tiêu được giao; hạ tầng băng rộng di động 4G phủ sóng đến trên 98% thôn, xóm; chỉ số chuyển đổi số của tỉnh có bước cải thiện rõ rệt.",
            "Năm 2025, Sở tập trung thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị và Nghị quyết số 03/NQ-CP ngày 09/01/2025 của Chính phủ ban hành Chương trình hành động thực hiện Nghị quyết 57; tham mưu xây dựng kế hoạch của tỉnh với các chỉ tiêu cụ thể về hạ tầng số, dữ liệu số và nhân lực số.",
            fig("Lãnh đạo Sở Thông tin và Truyền thông phát biểu tại hội nghị", 0),
            "Giám đốc Sở đề nghị cán bộ, công chức, viên chức giữ vững tinh thần trách nhiệm, không để gián đoạn công việc trong quá trình sắp xếp bộ máy, bàn giao đầy đủ hồ sơ, tài liệu, dữ liệu các hệ thống thông tin cho cơ quan mới.",
        ],
        byline="Lâm Văn Sơn",
        docs=["57-NQ/TW", "03/NQ-CP"],
    ),
]


# --------------------------------------------------------------------------------------------
# Content: xaydungchinhsach.chinhphu.vn (VCCorp CMS: data-role, JSON-LD, OpenGraph, <time>)
# author_at: "top" (a.detail-author-top-name) or "end" (right-aligned bold last paragraph)
# --------------------------------------------------------------------------------------------

CHINHPHU = [
    dict(
        key="p01", cat="chuyen-doi-so", when="2025-04-02 20:10", updated="2025-04-03 08:00", author_at="top",
        title="Sửa đổi, bổ sung Chương trình hành động của Chính phủ thực hiện Nghị quyết số 57-NQ/TW",
        lead="(Chinhphu.vn) - Chính phủ ban hành Nghị quyết số 71/NQ-CP sửa đổi, bổ sung, cập nhật Chương trình hành động của Chính phủ thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia.",
        body=[
            "Nghị quyết số 71/NQ-CP sửa đổi, bổ sung Nghị quyết số 03/NQ-CP ngày 09/01/2025 của Chính phủ, cập nhật thêm nhiều nhiệm vụ cụ thể cho các bộ, ngành, địa phương, gắn với thời hạn hoàn thành và sản phẩm đầu ra rõ ràng.",
            "Theo đó, các bộ, cơ quan ngang bộ và UBND các tỉnh, thành phố có trách nhiệm rà soát, hoàn thiện thể chế, loại bỏ các rào cản đối với phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số; bố trí tối thiểu 3% tổng chi ngân sách hằng năm cho lĩnh vực này.",
            fig("Chuyển đổi số là động lực quan trọng để nâng cao năng suất lao động và năng lực cạnh tranh của nền kinh tế - Ảnh minh họa", 0),
            "Chính phủ yêu cầu đẩy mạnh cung cấp dịch vụ công trực tuyến toàn trình, lấy người dân, doanh nghiệp làm trung tâm; hoàn thành xây dựng các cơ sở dữ liệu quốc gia, cơ sở dữ liệu chuyên ngành bảo đảm “đúng, đủ, sạch, sống”, kết nối, chia sẻ thông suốt.",
            "Người đứng đầu các cơ quan, đơn vị chịu trách nhiệm trước Chính phủ, Thủ tướng Chính phủ về kết quả thực hiện các nhiệm vụ được giao; định kỳ hằng quý báo cáo tình hình, kết quả thực hiện gửi Bộ Khoa học và Công nghệ để tổng hợp.",
        ],
        authors=[("Thu Giang", None)],
        docs=["71/NQ-CP", "57-NQ/TW", "03/NQ-CP"],
    ),
    dict(
        key="p02", cat="chinh-sach-moi", when="2025-03-01 09:30", author_at="end",
        title="Quy định mới về tổ chức các cơ quan chuyên môn thuộc UBND cấp tỉnh",
        lead="(Chinhphu.vn) - Chính phủ ban hành Nghị định số 45/2025/NĐ-CP ngày 28/02/2025 quy định tổ chức các cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh, thành phố trực thuộc Trung ương.",
        body=[
            "Nghị định có hiệu lực từ ngày 01/3/2025, thay thế Nghị định số 24/2014/NĐ-CP và Nghị định số 107/2020/NĐ-CP. Theo Nghị định, cơ quan chuyên môn thuộc UBND cấp tỉnh gồm các sở và cơ quan tương đương sở, thực hiện chức năng tham mưu, giúp UBND cấp tỉnh quản lý nhà nước về ngành, lĩnh vực ở địa phương.",
            "Các sở được tổ chức thống nhất ở các tỉnh gồm Sở Nội vụ, Sở Tài chính, Sở Tư pháp, Sở Xây dựng, Sở Nông nghiệp và Môi trường, Sở Khoa học và Công nghệ, Sở Y tế, Sở Giáo dục và Đào tạo, Sở Công Thương, Sở Văn hóa, Thể thao và Du lịch.",
            "Đáng chú ý, Sở Dân tộc và Tôn giáo được thành lập ở những tỉnh đáp ứng tiêu chí về vùng đồng bào dân tộc thiểu số; ở các địa phương còn lại, Sở Nội vụ thực hiện chức năng quản lý nhà nước về dân tộc, tín ngưỡng, tôn giáo.",
            fig("Sắp xếp tổ chức bộ máy các cơ quan chuyên môn thuộc UBND cấp tỉnh theo hướng tinh gọn - Ảnh minh họa", 1),
            "Nghị định cũng quy định số lượng phó giám đốc sở bình quân không quá 3 người; riêng Hà Nội và TP. Hồ Chí Minh được bố trí thêm tùy theo quy mô dân số và khối lượng công việc.",
        ],
        authors=[("Minh Hiển", None)],
        docs=["45/2025/NĐ-CP", "24/2014/NĐ-CP", "107/2020/NĐ-CP"],
    ),
    dict(
        key="p03", cat="chinh-sach-moi", when="2025-07-10 08:15", updated="2025-07-10 16:40", author_at="end",
        title="Đổi mới công tác xây dựng và thi hành pháp luật theo tinh thần Nghị quyết 66-NQ/TW",
        lead="(Chinhphu.vn) - Các bộ, ngành đang khẩn trương triển khai Nghị quyết số 66-NQ/TW ngày 30/4/2025 của Bộ Chính trị về đổi mới công tác xây dựng và thi hành pháp luật đáp ứng yêu cầu phát triển đất nước trong kỷ nguyên mới.",
        body=[
            "Nghị quyết số 66-NQ/TW xác định thể chế là “điểm nghẽn của điểm nghẽn”, đặt mục tiêu đến năm 2025 cơ bản tháo gỡ những vướng mắc do quy định pháp luật; đến năm 2027 hoàn thành sửa đổi, bổ sung các văn bản pháp luật để bảo đảm cơ sở pháp lý đồng bộ cho hoạt động của bộ máy nhà nước ba cấp.",
            "Nghị quyết số 66-NQ/TW cùng với Nghị quyết số 57-NQ/TW, Nghị quyết số 59-NQ/TW ngày 24/01/2025 và Nghị quyết số 68-NQ/TW ngày 04/5/2025 về phát triển kinh tế tư nhân của Bộ Chính trị tạo thành bộ “tứ trụ” nghị quyết chiến lược, tạo nền tảng để đất nước bước vào kỷ nguyên mới.",
            fig("Phiên họp chuyên đề xây dựng pháp luật của Chính phủ - Ảnh: VGP", 0),
            "Theo Bộ Tư pháp, các bộ, ngành cần đổi mới tư duy xây dựng pháp luật theo hướng vừa bảo đảm yêu cầu quản lý nhà nước, vừa khuyến khích sáng tạo, khơi thông mọi nguồn lực; kiên quyết từ bỏ tư duy “không quản được thì cấm”.",
            "Việc lấy ý kiến người dân, doanh nghiệp đối với dự thảo văn bản quy phạm pháp luật cũng được đổi mới, thực hiện thực chất hơn qua Cổng Thông tin điện tử Chính phủ và các nền tảng số.",
        ],
        authors=[("Thu Trang", None), ("Minh Hiển", None)],
        docs=["66-NQ/TW", "68-NQ/TW", "57-NQ/TW", "59-NQ/TW"],
    ),
    dict(
        key="p04", cat="chuyen-doi-so", when="2024-10-22 11:05", author_at="top",
        title="Đề án 06 tạo chuyển biến rõ nét trong giải quyết thủ tục hành chính",
        lead="(Chinhphu.vn) - Sau gần ba năm triển khai, Đề án 06 đã tạo chuyển biến rõ nét trong cải cách thủ tục hành chính, phát triển công dân số và cung cấp dịch vụ công trực tuyến.",
        body=[
            "Đề án phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử phục vụ chuyển đổi số quốc gia giai đoạn 2022 – 2025, tầm nhìn đến năm 2030 được phê duyệt tại Quyết định số 06/QĐ-TTg ngày 06/01/2022 của Thủ tướng Chính phủ.",
            "Đến nay, Cơ sở dữ liệu quốc gia về dân cư đã kết nối với nhiều cơ sở dữ liệu chuyên ngành; hàng chục triệu tài khoản định danh điện tử được kích hoạt; nhiều loại giấy tờ như giấy phép lái xe, thẻ bảo hiểm y tế đã được tích hợp trên ứng dụng VNeID.",
            fig("Người dân làm thủ tục cấp căn cước tại bộ phận một cửa - Ảnh minh họa", 1),
            "Việc khai thác dữ liệu dân cư giúp cắt giảm hàng trăm thủ tục hành chính, giảm yêu cầu nộp bản sao giấy tờ, tiết kiệm chi phí xã hội mỗi năm hàng nghìn tỷ đồng.",
            "Thời gian tới, các bộ, ngành, địa phương tiếp tục làm sạch dữ liệu, mở rộng các tiện ích trên ứng dụng VNeID, bảo đảm an ninh, an toàn dữ liệu cá nhân của người dân.",
        ],
        authors=[("Hải Minh", None)],
        docs=["06/QĐ-TTg"],
    ),
    dict(
        key="p05", cat="chuyen-doi-so", when="2023-04-19 17:20", author_at="end",
        title="Chính phủ ban hành Nghị định về bảo vệ dữ liệu cá nhân",
        lead="(Chinhphu.vn) - Ngày 17/4/2023, Chính phủ ban hành Nghị định số 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân, có hiệu lực từ ngày 01/7/2023.",
        body=[
            "Nghị định quy định về bảo vệ dữ liệu cá nhân và trách nhiệm bảo vệ dữ liệu cá nhân của cơ quan, tổ chức, cá nhân có liên quan; áp dụng đối với cơ quan, tổ chức, cá nhân Việt Nam và nước ngoài trực tiếp tham gia hoặc có liên quan đến hoạt động xử lý dữ liệu cá nhân tại Việt Nam.",
            "Theo Nghị định, chủ thể dữ liệu có 11 quyền, trong đó có quyền được biết, quyền đồng ý, quyền truy cập, quyền rút lại sự đồng ý, quyền xóa dữ liệu, quyền khiếu nại, tố cáo, khởi kiện và yêu cầu bồi thường thiệt hại.",
            fig("Bảo vệ dữ liệu cá nhân là yêu cầu cấp thiết trong quá trình chuyển đổi số - Ảnh minh họa", 0),
            "Việc mua, bán dữ liệu cá nhân dưới mọi hình thức bị nghiêm cấm, trừ trường hợp luật có quy định khác. Bên kiểm soát dữ liệu phải thông báo cho Bộ Công an trong vòng 72 giờ khi xảy ra vi phạm quy định về bảo vệ dữ liệu cá nhân.",
        ],
        authors=[("Khánh Linh", None)],
        docs=["13/2023/NĐ-CP"],
    ),
    dict(
        key="p06", cat="chinh-sach-moi", when="2022-02-24 15:40", author_at="end",
        title="Phê duyệt Chương trình mục tiêu quốc gia xây dựng nông thôn mới giai đoạn 2021 – 2025",
        lead="(Chinhphu.vn) - Thủ tướng Chính phủ vừa ký Quyết định số 263/QĐ-TTg ngày 22/02/2022 phê duyệt Chương trình mục tiêu quốc gia xây dựng nông thôn mới giai đoạn 2021 – 2025.",
        body=[
            "Mục tiêu đến năm 2025, cả nước có ít nhất 80% số xã đạt chuẩn nông thôn mới, trong đó khoảng 40% số xã đạt chuẩn nông thôn mới nâng cao và 10% số xã đạt chuẩn nông thôn mới kiểu mẫu; thu nhập bình quân của người dân nông thôn tăng ít nhất 1,5 lần so với năm 2020.",
            "Chương trình gồm 11 nội dung thành phần, trong đó chú trọng quy hoạch xây dựng nông thôn, phát triển hạ tầng kinh tế - xã hội, phát triển sản xuất gắn với tái cơ cấu ngành nông nghiệp, chương trình Mỗi xã một sản phẩm (OCOP), nâng cao chất lượng môi trường và chuyển đổi số trong xây dựng nông thôn mới.",
            fig("Diện mạo nông thôn mới tại nhiều địa phương đổi thay rõ nét - Ảnh minh họa", 1),
            "Tổng nguồn vốn thực hiện Chương trình dự kiến khoảng 196.332 tỷ đồng từ ngân sách trung ương và ngân sách địa phương, chưa kể vốn lồng ghép, vốn tín dụng và vốn huy động từ doanh nghiệp, cộng đồng.",
            "Đối với vùng đồng bào dân tộc thiểu số và miền núi, Chương trình ưu tiên hỗ trợ các xã đặc biệt khó khăn, xã an toàn khu, bảo đảm lồng ghép hiệu quả với các chương trình mục tiêu quốc gia khác.",
        ],
        authors=[("Phương Nhi", None)],
        docs=["263/QĐ-TTg"],
    ),
    dict(
        key="p07", cat="dan-toc-ton-giao", when="2022-01-20 10:30", author_at="top",
        title="Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021 – 2025",
        lead="(Chinhphu.vn) - Phó Thủ tướng Chính phủ vừa ký Quyết định số 90/QĐ-TTg ngày 18/01/2022 phê duyệt Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021 – 2025.",
        body=[
            "Chương trình đặt mục tiêu tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều duy trì mức giảm 1 – 1,5%/năm; tỷ lệ hộ nghèo đồng bào dân tộc thiểu số giảm trên 3%/năm; 30% huyện nghèo, 30% xã đặc biệt khó khăn vùng bãi ngang ven biển và hải đảo thoát khỏi tình trạng nghèo, đặc biệt khó khăn.",
            "Chương trình gồm 7 dự án: hỗ trợ đầu tư phát triển hạ tầng kinh tế - xã hội các huyện nghèo; đa dạng hóa sinh kế, phát triển mô hình giảm nghèo; hỗ trợ phát triển sản xuất, cải thiện dinh dưỡng; phát triển giáo dục nghề nghiệp, việc làm bền vững; hỗ trợ nhà ở cho hộ nghèo, hộ cận nghèo; truyền thông và giảm nghèo về thông tin; nâng cao năng lực và giám sát, đánh giá Chương trình.",
            fig("Hỗ trợ sinh kế giúp nhiều hộ đồng bào dân tộc thiểu số thoát nghèo - Ảnh minh họa", 0),
            "Tổng vốn thực hiện Chương trình tối thiểu là 75.000 tỷ đồng, trong đó vốn ngân sách trung ương là 48.000 tỷ đồng. Các địa phương được chủ động lồng ghép nguồn vốn, tránh chồng chéo với Chương trình mục tiêu quốc gia phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi.",
        ],
        authors=[("Đức Tuân", None)],
        docs=["90/QĐ-TTg"],
    ),
    dict(
        key="p08", cat="dan-toc-ton-giao", when="2021-10-15 19:45", author_at="end",
        title="Phê duyệt Chương trình mục tiêu quốc gia phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi",
        lead="(Chinhphu.vn) - Thủ tướng Chính phủ ký Quyết định số 1719/QĐ-TTg ngày 14/10/2021 phê duyệt Chương trình mục tiêu quốc gia phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi giai đoạn 2021 – 2030, giai đoạn I từ năm 2021 đến năm 2025.",
        body=[
            "Chương trình nhằm cụ thể hóa Nghị quyết số 88/2019/QH14 của Quốc hội phê duyệt Đề án tổng thể phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi và Nghị quyết số 120/2020/QH14 ngày 19/6/2020 của Quốc hội phê duyệt chủ trương đầu tư Chương trình.",
            "Mục tiêu đến năm 2025, thu nhập bình quân của người dân tộc thiểu số tăng trên 2 lần so với năm 2020; tỷ lệ hộ nghèo giảm trên 3%/năm; 50% số xã, thôn vùng đồng bào dân tộc thiểu số thoát khỏi tình trạng đặc biệt khó khăn.",
            fig("Đường giao thông nông thôn vùng đồng bào dân tộc thiểu số được đầu tư - Ảnh minh họa", 1),
            "Chương trình gồm 10 dự án, tập trung giải quyết tình trạng thiếu đất ở, nhà ở, đất sản xuất, nước sinh hoạt; quy hoạch, sắp xếp, bố trí ổn định dân cư; phát triển sản xuất nông, lâm nghiệp bền vững; bảo tồn, phát huy giá trị văn hóa truyền thống tốt đẹp của các dân tộc.",
        ],
        authors=[("PV", None)],
        docs=["1719/QĐ-TTg", "88/2019/QH14", "120/2020/QH14"],
    ),
    dict(
        key="p09", cat="chinh-sach-moi", when="2020-03-12 14:00", author_at="end",
        title="Văn bản điện tử được ký số có giá trị pháp lý như bản gốc văn bản giấy",
        lead="(Chinhphu.vn) - Chính phủ ban hành Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 về công tác văn thư, trong đó quy định văn bản điện tử được ký số bởi người có thẩm quyền có giá trị pháp lý như bản gốc văn bản giấy.",
        body=[
            "Nghị định có hiệu lực từ ngày ký ban hành, thay thế Nghị định số 110/2004/NĐ-CP và Nghị định số 09/2010/NĐ-CP về công tác văn thư. Nghị định quy định về văn bản và công tác văn thư, quản lý nhà nước về công tác văn thư, áp dụng đối với cơ quan, tổ chức nhà nước và doanh nghiệp nhà nước.",
            "Theo Nghị định, có 29 loại văn bản hành chính; thể thức, kỹ thuật trình bày văn bản giấy và văn bản điện tử được quy định thống nhất. Chữ ký số của người có thẩm quyền được thể hiện bằng hình ảnh chữ ký của người đó trên văn bản, màu xanh, định dạng Portable Network Graphics.",
            fig("Ký số văn bản trên môi trường điện tử - Ảnh minh họa", 0),
            "Việc chuyển đổi sang văn bản điện tử được kỳ vọng giúp tiết kiệm đáng kể chi phí in ấn, gửi văn bản, rút ngắn thời gian xử lý công việc, góp phần xây dựng Chính phủ điện tử.",
        ],
        authors=[("Thanh Quang", None)],
        docs=["30/2020/NĐ-CP", "110/2004/NĐ-CP", "09/2010/NĐ-CP"],
    ),
    dict(
        key="p10", cat="chuyen-doi-so", when="2019-10-01 09:00", updated="2019-10-02 07:30", author_at="top",
        title="Bộ Chính trị ban hành Nghị quyết về chủ động tham gia cuộc Cách mạng công nghiệp lần thứ tư",
        lead="(Chinhphu.vn) - Thay mặt Bộ Chính trị, Tổng Bí thư, Chủ tịch nước đã ký ban hành Nghị quyết số 52-NQ/TW ngày 27/9/2019 về một số chủ trương, chính sách chủ động tham gia cuộc Cách mạng công nghiệp lần thứ tư.",
        body=[
            "Nghị quyết nêu rõ, chủ động tham gia cuộc Cách mạng công nghiệp lần thứ tư là yêu cầu tất yếu khách quan; là nhiệm vụ có ý nghĩa chiến lược đặc biệt quan trọng, vừa cấp bách vừa lâu dài của cả hệ thống chính trị và toàn xã hội.",
            "Mục tiêu đến năm 2025, duy trì xếp hạng về chỉ số đổi mới sáng tạo toàn cầu thuộc nhóm 3 nước dẫn đầu ASEAN; kinh tế số chiếm khoảng 20% GDP; năng suất lao động tăng bình quân trên 7%/năm; mạng băng rộng phủ 100% các xã.",
            fig("Cách mạng công nghiệp lần thứ tư mở ra nhiều cơ hội cho Việt Nam - Ảnh minh họa", 1),
            "Nghị quyết đề ra 8 nhóm nhiệm vụ, giải pháp, trong đó nhấn mạnh đổi mới tư duy về quản lý kinh tế, hoàn thiện thể chế theo hướng tạo thuận lợi cho đổi mới sáng tạo, chuyển đổi số quốc gia và phát triển nguồn nhân lực chất lượng cao.",
        ],
        authors=[("Huy Thắng", None)],
        docs=["52-NQ/TW"],
    ),
    dict(
        key="p11", cat="dan-toc-ton-giao", when="2024-01-16 16:25", author_at="end",
        title="Những điểm mới trong quy định chi tiết Luật Tín ngưỡng, tôn giáo",
        lead="(Chinhphu.vn) - Nghị định số 95/2023/NĐ-CP ngày 29/12/2023 của Chính phủ quy định chi tiết một số điều và biện pháp thi hành Luật Tín ngưỡng, tôn giáo, thay thế Nghị định số 162/2017/NĐ-CP.",
        body=[
            "Nghị định bổ sung quy định về việc đăng ký sinh hoạt tôn giáo tập trung của người nước ngoài cư trú hợp pháp tại Việt Nam; hoạt động tôn giáo trên không gian mạng; quản lý, sử dụng tài sản hiến, tặng cho cơ sở tín ngưỡng, tổ chức tôn giáo.",
            "Nhiều thủ tục hành chính trong lĩnh vực tín ngưỡng, tôn giáo được đơn giản hóa, rút ngắn thời gian giải quyết; hồ sơ có thể nộp trực tiếp, qua bưu chính hoặc trực tuyến trên Cổng Dịch vụ công quốc gia.",
            fig("Hoạt động tôn giáo diễn ra bình thường, đúng quy định pháp luật - Ảnh minh họa", 0),
            "Nghị định cũng quy định rõ trách nhiệm của UBND các cấp trong quản lý nhà nước về tín ngưỡng, tôn giáo, bảo đảm quyền tự do tín ngưỡng, tôn giáo của mọi người, đồng thời ngăn chặn việc lợi dụng tín ngưỡng, tôn giáo để vi phạm pháp luật.",
        ],
        authors=[("Hoàng Giang", None)],
        docs=["95/2023/NĐ-CP", "162/2017/NĐ-CP"],
    ),
    dict(
        key="p12", cat="chuyen-doi-so", when="2025-01-10 18:30", author_at="top",
        title="Chương trình hành động của Chính phủ thực hiện Nghị quyết 57 của Bộ Chính trị",
        lead="(Chinhphu.vn) - Chính phủ ban hành Nghị quyết số 03/NQ-CP ngày 09/01/2025 về Chương trình hành động thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị.",
        body=[
            "Chương trình hành động nhằm quán triệt, cụ thể hóa các quan điểm, mục tiêu, nhiệm vụ, giải pháp của Nghị quyết 57 thành các nhiệm vụ cụ thể, gắn với trách nhiệm của các bộ, ngành, địa phương; bảo đảm triển khai đồng bộ, kịp thời, hiệu quả.",
            "Chương trình đề ra 41 nhiệm vụ cụ thể, trong đó có việc sửa đổi Luật Khoa học và công nghệ, Luật Chuyển giao công nghệ, xây dựng cơ chế thử nghiệm có kiểm soát cho các công nghệ, mô hình kinh doanh mới.",
            fig("Phiên họp Chính phủ thường kỳ - Ảnh: VGP", 1),
            "Thủ tướng Chính phủ yêu cầu các thành viên Chính phủ, Chủ tịch UBND các tỉnh, thành phố trực thuộc Trung ương trực tiếp chỉ đạo, xây dựng kế hoạch của bộ, ngành, địa phương mình, hoàn thành trong tháng 01/2025.",
        ],
        authors=[("Minh Thu", None)],
        docs=["03/NQ-CP", "57-NQ/TW"],
    ),
    dict(
        key="p13", cat="dan-toc-ton-giao", when="2022-02-08 11:50", author_at="end",
        title="Chiến lược công tác dân tộc giai đoạn 2021 – 2030, tầm nhìn đến năm 2045",
        lead="(Chinhphu.vn) - Chính phủ ban hành Nghị quyết số 10/NQ-CP ngày 28/01/2022 phê duyệt Chiến lược công tác dân tộc giai đoạn 2021 – 2030, tầm nhìn đến năm 2045.",
        body=[
            "Chiến lược đặt mục tiêu đến năm 2030, thu nhập bình quân của người dân tộc thiểu số bằng 1/2 bình quân chung của cả nước; giảm 50% số xã, thôn đặc biệt khó khăn; cơ bản không còn hộ đồng bào dân tộc thiểu số thiếu đất ở, nhà ở.",
            "Về văn hóa, Chiến lược chú trọng bảo tồn, phát huy bản sắc văn hóa truyền thống tốt đẹp của các dân tộc; phấn đấu 80% thôn vùng đồng bào dân tộc thiểu số có nhà văn hóa, đội văn hóa, văn nghệ truyền thống hoạt động thường xuyên.",
            fig("Bảo tồn bản sắc văn hóa là một trong những mục tiêu của Chiến lược - Ảnh minh họa", 0),
            "Tầm nhìn đến năm 2045, thu nhập bình quân của người dân tộc thiểu số đạt 1/2 bình quân chung của cả nước trở lên; không còn xã, thôn đặc biệt khó khăn; đồng bào các dân tộc tích cực tham gia xây dựng và bảo vệ Tổ quốc.",
        ],
        authors=[("Hồng Nhung", None)],
        docs=["10/NQ-CP"],
    ),
]


# --------------------------------------------------------------------------------------------
# Content: bn.langson-mirror.example (a mirror republishing Bengali translations of sodttg news)
# "lines" are the visible article lines: a str is a paragraph, fig(...) a figure caption.
# The first article is the seed page; its lines are read from the seed file verbatim.
# --------------------------------------------------------------------------------------------

MIRROR = [
    dict(
        key="m01", of="s01", when="2025-07-15 09:00",
        slug="2025/07/chi-bo-so-dan-toc-va-ton-giao-sinh-hoat-chuyen-de-chuyen-doi-so",
        title="ল্যাং সন প্রদেশের জাতিগত ও ধর্মীয় বিষয়ক বিভাগের পার্টি সেল রেজোলিউশন নং ৫৭-এনকিউ/টিডব্লিউ অনুসারে ডিজিটাল রূপান্তর বিষয়ক একটি বিষয়ভিত্তিক সভার আয়োজন করেছে",
        lines="seed",
        authors=[("নগুয়েন মান কুওং", "অফিসের প্রধান")],
        docs=["57-NQ/TW", "160/KH-UBND"],
    ),
    dict(
        key="m02", of="s02", when="2025-07-20 08:30",
        slug="2025/07/so-dan-toc-va-ton-giao-trien-khai-ke-hoach-160",
        title="জাতিগত ও ধর্মীয় বিষয়ক বিভাগ পলিটব্যুরোর রেজোলিউশন নং ৫৭-এনকিউ/টিডব্লিউ বাস্তবায়নের পরিকল্পনা চালু করেছে",
        lines=[
            "২৬ জুন, ২০২৫ তারিখ বিকেলে, ল্যাং সন প্রদেশের জাতিগত ও ধর্মীয় বিষয়ক বিভাগ পলিটব্যুরোর ২২ ডিসেম্বর, ২০২৪ তারিখের রেজোলিউশন নং ৫৭-এনকিউ/টিডব্লিউ বাস্তবায়নের জন্য প্রাদেশিক পিপলস কমিটির ১৪ জুন, ২০২৫ তারিখের পরিকল্পনা নং ১৬০/কেএইচ-ইউবিএনডি বিষয়ে একটি সম্মেলনের আয়োজন করে।",
            "পরিকল্পনা অনুযায়ী, বিভাগটি প্রদেশের জাতিগত, বিশ্বাস ও ধর্মীয় বিষয়ক একটি ডাটাবেস তৈরির দায়িত্ব পালন করবে এবং জাতীয় জনসংখ্যা ডাটাবেসের সাথে তথ্য সংযোগ ও ভাগাভাগি করবে।",
            fig("(পরিকল্পনা নং ১৬০/কেএইচ-ইউবিএনডি বাস্তবায়ন সম্মেলনের দৃশ্য)", 1),
            "বিভাগের পরিচালক প্রতিটি কর্মচারীকে ডিজিটাল দক্ষতা বৃদ্ধি করতে এবং ইলেকট্রনিক নথি ব্যবস্থাপনা সফ্টওয়্যার ও ব্যক্তিগত ডিজিটাল স্বাক্ষর দক্ষতার সাথে ব্যবহার করতে অনুরোধ করেন।",
            "লেখক হোয়াং থি থু হা - অফিসের উপ-প্রধান |",
        ],
        authors=[("হোয়াং থি থু হা", "অফিসের উপ-প্রধান")],
        docs=["57-NQ/TW", "160/KH-UBND"],
    ),
    dict(
        key="m03", of="s03", when="2025-08-02 10:00",
        slug="2025/08/cong-bo-quyet-dinh-thanh-lap-so-dan-toc-va-ton-giao",
        title="ল্যাং সন প্রদেশের জাতিগত ও ধর্মীয় বিষয়ক বিভাগ প্রতিষ্ঠার সিদ্ধান্ত ঘোষণা",
        lines=[
            "১ মার্চ, ২০২৫ তারিখ সকালে, ল্যাং সন প্রদেশের পিপলস কমিটি প্রাদেশিক জাতিগত কমিটির কার্যাবলী এবং স্বরাষ্ট্র বিভাগের বিশ্বাস ও ধর্ম বিষয়ক রাষ্ট্রীয় ব্যবস্থাপনার কার্যাবলী গ্রহণের ভিত্তিতে জাতিগত ও ধর্মীয় বিষয়ক বিভাগ প্রতিষ্ঠার সিদ্ধান্ত ঘোষণা করে।",
            "পার্টির কেন্দ্রীয় কমিটির ২৫ অক্টোবর, ২০১৭ তারিখের রেজোলিউশন নং ১৮-এনকিউ/টিডব্লিউ এবং সরকারের ২৮ ফেব্রুয়ারি, ২০২৫ তারিখের ডিক্রি নং ৪৫/২০২৫/এনডি-সিপি বাস্তবায়নের জন্য, প্রাদেশিক পিপলস কমিটি ২৮ ফেব্রুয়ারি, ২০২৫ তারিখে সিদ্ধান্ত নং ৩৯৫/কিউডি-ইউবিএনডি জারি করে।",
            fig("(প্রাদেশিক নেতারা বিভাগের পরিচালনা পর্ষদকে সিদ্ধান্ত হস্তান্তর করেন)", 0),
            "প্রাদেশিক পিপলস কমিটির ভাইস চেয়ারম্যান বিভাগকে দ্রুত সংগঠন স্থিতিশীল করতে এবং জাতিগত সংখ্যালঘু অঞ্চলের নীতি বাস্তবায়নে কোনো বাধা সৃষ্টি না করার অনুরোধ করেন।",
            "লেখক নগুয়েন মান কুওং - অফিসের প্রধান |",
        ],
        authors=[("নগুয়েন মান কুওং", "অফিসের প্রধান")],
        docs=["18-NQ/TW", "45/2025/NĐ-CP", "395/QĐ-UBND"],
    ),
]


# The seed page (Bengali translation of s01), line for line, exactly as published on the mirror.
SEED_LINES = [
    'সভায় উপস্থিত ছিলেন এবং পরিচালনা করেন পার্টি সেল সেক্রেটারি, ডিপার্টমেন্ট ডিরেক্টর এবং বিভাগের সকল পার্টি সদস্য, ক্যাডার এবং বেসামরিক কর্মচারী। তার উদ্বোধনী বক্তৃতায়, পার্টি সেল সেক্রেটারি জোর দিয়েছিলেন: ডিজিটাল রূপান্তর এখন আর একটি প্রবণতা নয় বরং রাষ্ট্রীয় ব্যবস্থাপনার কার্যকারিতা এবং দক্ষতা উন্নত করার জন্য একটি বাধ্যতামূলক কাজ, জনগণ এবং ব্যবসাগুলিকে আরও ভালভাবে সেবা প্রদান করা। বিশেষ করে, পলিটব্যুরোর ২২ ডিসেম্বর, ২০২৪ তারিখের রেজোলিউশন নং ৫৭-এনকিউ/টিডব্লিউ, ল্যাং সন প্রদেশের পিপলস কমিটির ১৪ জুন, ২০২৫ তারিখের পরিকল্পনা নং ১৬০/কেএইচ-ইউবিএনডি বাস্তবায়নের মাধ্যমে পলিটব্যুরোর ২২ ডিসেম্বর, ২০২৪ তারিখের রেজোলিউশন নং ৫৭-এনকিউ/টিডব্লিউ এবং বিজ্ঞান ও প্রযুক্তি উন্নয়ন, উদ্ভাবন এবং ডিজিটাল রূপান্তর সম্পর্কিত কেন্দ্রীয় স্টিয়ারিং কমিটির উপসংহার নোটিশে নির্ধারিত কাজগুলি বাস্তবায়নের জন্য, পার্টি সেলের প্রতিটি পার্টি সদস্য এবং ক্যাডারকে কাজ এবং সমাধানগুলি উপলব্ধি করতে হবে, একটি উদাহরণ স্থাপন করার এবং বাস্তবায়নে অগ্রণী হওয়ার দায়িত্ব স্পষ্টভাবে সংজ্ঞায়িত করতে হবে।',
    '(বিভাগের ডিজিটাল রূপান্তরের দায়িত্বে থাকা মিঃ মা থান ট্রুং বিষয়টি উপস্থাপন করেন)',
    'সভায়, দলীয় সদস্যরা মূল বিষয়বস্তু নিয়ে আলোচনা এবং গভীরভাবে বিশ্লেষণ করেন যেমন: পেশাদার কাজে তথ্য প্রযুক্তির প্রয়োগ প্রচার, উচ্চ-স্তরের অনলাইন পাবলিক সার্ভিস স্থাপন, প্রশাসনিক নথি পরিচালনার জন্য সফ্টওয়্যার প্রয়োগ, জাতিগত ও ধর্মীয় ক্ষেত্রের একটি সমলয় ডাটাবেস তৈরি, পরামর্শ, নির্দেশনা এবং পরিচালনার কাজ পরিবেশন করা। বিভাগে ডিজিটাল রূপান্তর কাজের সীমাবদ্ধতা এবং অসুবিধা। এছাড়াও, পার্টি সেল কর্মীদের জন্য সচেতনতা এবং ডিজিটাল দক্ষতা বৃদ্ধির জন্য অনেক ব্যবহারিক সমাধান প্রস্তাব করেছে; তথ্য সুরক্ষা এবং সুরক্ষা নিশ্চিত করা; বাস্তবায়ন প্রক্রিয়ায় প্রাসঙ্গিক বিভাগ এবং শাখাগুলির সাথে সমন্বয় জোরদার করা। বিষয়ভিত্তিক সভাটি একটি গুরুতর এবং দায়িত্বশীল পরিবেশে অনুষ্ঠিত হয়েছিল, গণতন্ত্র এবং সৃজনশীলতার চেতনা প্রচার করে, অনেক বৈধ মতামত প্রদান করে, ডিজিটাল রূপান্তরের কাজ কার্যকরভাবে বাস্তবায়নে পার্টি সেলের দৃঢ় সংকল্প প্রদর্শন করে, প্রদেশের সামগ্রিক উন্নয়নে অবদান রাখে।',
    '(বিষয়ভিত্তিক সভার সারসংক্ষেপ)',
    'সভা শেষে, পার্টি সেল সেক্রেটারি প্রতিটি পার্টি সদস্য, বেসামরিক কর্মচারী এবং কর্মচারীকে পলিটব্যুরোর ২২ ডিসেম্বর, ২০২৪ তারিখের রেজোলিউশন নং ৫৭-এনকিউ/টিডব্লিউ এবং ল্যাং সন প্রদেশের পিপলস কমিটির ১৪ জুন, ২০২৫ তারিখের পরিকল্পনা নং ১৬০/কেএইচ-ইউবিএনডি- এর বিষয়বস্তু গভীরভাবে অধ্যয়ন চালিয়ে যাওয়ার জন্য অনুরোধ করেন, অর্পিত দায়িত্ব এবং কাজের সাথে সম্পর্কিত একটি ব্যক্তিগত পরিকল্পনা তৈরি করেন; একই সাথে, দৈনন্দিন কাজে ডিজিটাল প্রযুক্তি অধ্যয়ন এবং প্রয়োগে প্রতিটি পার্টি সদস্যের অনুকরণীয় এবং অগ্রণী ভূমিকার উপর জোর দেন, একটি আধুনিক, পেশাদার প্রশাসন গঠনে অবদান রাখেন, এলাকার সকল জাতিগত গোষ্ঠী এবং ধর্মের জনগণ এবং স্বদেশীদের সর্বোত্তম সেবা প্রদান করেন।',
    'লেখক নগুয়েন মান কুওং - অফিসের প্রধান |',
    'সূত্র: https://sodttg.langson.gov.vn/tin-tuc-su-kien/tin-hoat-dong/chi-bo-so-dan-toc-va-ton-giao-tinh-lang-son-to-chuc-sinh-hoat-chuyen-de-ve-chuyen-doi-so-theo-nghi-quyet-so-57-nq-tw-nga.html',
    'মন্তব্য (0)',
]


# ============================================================================================
# Sites
# ============================================================================================

SODTTG_HOST = "sodttg.langson.gov.vn"
CAOBANG_HOST = "sotttt.caobang.gov.vn"
CHINHPHU_HOST = "xaydungchinhsach.chinhphu.vn"
MIRROR_HOST = "bn.langson-mirror.example"

TEXT_TYPES = {
    ".html": "text/html", ".htm": "text/html", ".aspx": "text/html", ".xml": "application/xml",
    ".rss": "application/rss+xml", ".txt": "text/plain", ".css": "text/css",
}


def content_types(charset_in_header, **overrides):
    """Content-Type header values by file suffix (binary types are left to the server's defaults)."""
    types = dict(TEXT_TYPES, **overrides)
    suffix = "; charset=utf-8" if charset_in_header else ""
    return {ext: value + suffix for ext, value in types.items()}


SITES = [
    dict(
        host=SODTTG_HOST, name="Sở Dân tộc và Tôn giáo tỉnh Lạng Sơn", province="Lạng Sơn", language="vi",
        family="slug-html",
        imitates="langson.gov.vn family of provincial department portals (/<category>/<sub>/<slug>.html) "
                 "with the DNICT-style article layout: uploader near the title, author as the last body line",
        charset="header", server="nginx", content_types=content_types(True), redirects={},
        home="/", listings=["/tin-tuc-su-kien.html"], sitemap="/sitemap.xml", rss="/rss.xml",
    ),
    dict(
        host=CAOBANG_HOST, name="Sở Thông tin và Truyền thông tỉnh Cao Bằng", province="Cao Bằng", language="vi",
        family="sharepoint",
        imitates="Microsoft SharePoint department portal (/Pages/*.aspx?ItemID=, divArticleDescription1/2/3, "
                 "ctl00_SPWebPartManager1_g_<guid> ids)",
        charset="meta", server="Microsoft-IIS/10.0", content_types=content_types(False, **{".xml": "text/xml"}),
        redirects={"/": "/Pages/Home.aspx"},
        home="/Pages/Home.aspx", listings=["/Pages/tin-tuc.aspx"], sitemap="/sitemap.xml", rss=None,
    ),
    dict(
        host=CHINHPHU_HOST, name="Xây dựng chính sách, pháp luật - Cổng Thông tin điện tử Chính phủ",
        province=None, language="vi", family="vccorp",
        imitates="chinhphu.vn / VCCorp CMS (/<slug>-<18 digit id>.htm, data-role attributes, JSON-LD NewsArticle, "
                 "OpenGraph, <time datetime>)",
        charset="header", server="nginx", content_types=content_types(True), redirects={},
        home="/", listings=["/chinh-sach-moi.htm", "/chuyen-doi-so.htm", "/dan-toc-ton-giao.htm"],
        sitemap="/sitemap.xml", rss="/rss/home.rss",
    ),
    dict(
        host=MIRROR_HOST, name="ল্যাং সন সংবাদ (বাংলা মিরর)", province="Lạng Sơn", language="bn",
        family="mirror",
        imitates="a WordPress-like mirror that republishes Bengali translations of sodttg.langson.gov.vn news, "
                 "each with a 'সূত্র:' (source) line pointing at the original",
        charset="header", server="Apache", content_types=content_types(True), redirects={},
        home="/", listings=["/"], sitemap="/sitemap.xml", rss=None,
    ),
]

SITE_NAMES = {site["host"]: site["name"] for site in SITES}
SODTTG_CATEGORIES = {
    "tin-hoat-dong": "Tin hoạt động",
    "chinh-sach-dan-toc": "Chính sách dân tộc",
    "cong-tac-ton-giao": "Công tác tôn giáo",
}
CHINHPHU_CATEGORIES = {
    "chinh-sach-moi": "Chính sách mới",
    "chuyen-doi-so": "Chuyển đổi số",
    "dan-toc-ton-giao": "Dân tộc - Tôn giáo",
}
SHAREPOINT_GUID = "6a2f1c3e_8b4d_4f0a_9c7e_2d5b1a3f8e61"


# ============================================================================================
# Small helpers
# ============================================================================================

VN_TZ = dt.timezone(dt.timedelta(hours=7))
WEEKDAYS_VI = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"]
BN_DIGITS = str.maketrans("0123456789", "০১২৩৪৫৬৭৮৯")
BN_MONTHS = ["জানুয়ারি", "ফেব্রুয়ারি", "মার্চ", "এপ্রিল", "মে", "জুন", "জুলাই", "আগস্ট", "সেপ্টেম্বর",
             "অক্টোবর", "নভেম্বর", "ডিসেম্বর"]


def e(text):
    return html.escape(text, quote=False)


def attr(text):
    return html.escape(text, quote=True)


def is_fig(block):
    return isinstance(block, tuple) and block[0] == "fig"


def ascii_fold(text):
    text = text.replace("đ", "d").replace("Đ", "D")
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def slugify(text, limit=120, keep_case=False, whole_words=False):
    """URL slug; cut at `limit` characters (mid-word, as the langson.gov.vn CMS does, unless whole_words)."""
    slug = ascii_fold(text) if keep_case else ascii_fold(text).lower()
    slug = re.sub(r"[^A-Za-z0-9]+", "-", slug).strip("-")
    if whole_words and len(slug) > limit:
        return slug[:limit + 1].rsplit("-", 1)[0]
    return slug[:limit].strip("-")


def parse_when(text):
    """'2025-07-14 10:30' or '2016-03-08' -> (aware datetime, has_time)."""
    has_time = " " in text
    fmt = "%Y-%m-%d %H:%M" if has_time else "%Y-%m-%d"
    return dt.datetime.strptime(text, fmt).replace(tzinfo=VN_TZ), has_time


def iso(when, has_time=True):
    return when.isoformat() if has_time else when.date().isoformat()


def dmy(when):
    return when.strftime("%d/%m/%Y")


def dmy_hm(when):
    return when.strftime("%d/%m/%Y %H:%M")


def weekday_vi(day):
    return WEEKDAYS_VI[day.weekday()]


def bn_date(when):
    return f"{when.day} {BN_MONTHS[when.month - 1]}, {when.year}".translate(BN_DIGITS)


def views(key):
    return 100 + int(hashlib.sha1(key.encode()).hexdigest()[:6], 16) % 2400


def chunks(items, size):
    return [items[i:i + size] for i in range(0, len(items), size)] or [[]]


def query_file_name(path):
    """Root-relative URL path (with an optional query) -> the stored file's relative name.

    '/Pages/x.aspx?ItemID=5' -> 'Pages/x.aspx@ItemID=5'; parameters sorted by name, joined by '&';
    a path ending in '/' maps to its index.html. The server applies the same rule.
    """
    path, _, query = path.partition("?")
    name = path.lstrip("/")
    if name == "" or name.endswith("/"):
        name += "index.html"
    if query:
        pairs = sorted(parse_qsl(query, keep_blank_values=True))
        name += "@" + "&".join(f"{quote(key, safe='')}={quote(value, safe='')}" for key, value in pairs)
    return name


# ============================================================================================
# The article model
# ============================================================================================

class Article:
    """One article page as published (and as a correct extraction should read it)."""

    def __init__(self, site, raw, path, category, authors, lead=None):
        self.site, self.raw, self.key = site, raw, raw["key"]
        self.path, self.url = path, f"https://{site}{path}"
        self.title, self.category, self.authors = raw["title"], category, authors
        self.when, self.has_time = parse_when(raw["when"])
        self.updated = parse_when(raw["updated"])[0] if raw.get("updated") else None
        self.lead = raw.get("lead") if lead is None else lead
        self.blocks = raw.get("body", [])
        self.docs = raw["docs"]
        self.malformed = raw.get("malformed", False)
        self.attachment = raw.get("attachment")
        self.uploader = raw.get("uploader")
        self.source_credit = raw.get("source")
        self.source_url = None
        self.language = "vi"
        self.views = views(self.key)

    def paragraphs(self):
        return [block for block in self.blocks if not is_fig(block)]

    def captions(self):
        return [block[1] for block in self.blocks if is_fig(block)]

    def text(self):
        return "\n".join([self.title, self.lead or ""] + self.paragraphs() + self.captions())

    def resolutions(self):
        """Declared document ids in order of first mention (title, lead, body); as declared for translations."""
        if self.language != "vi":
            return list(self.docs)
        text = squeeze_codes(self.text())
        return sorted(self.docs, key=text.find)

    def expected(self):
        return {
            "site": self.site, "url": self.url, "path": self.path, "title": self.title,
            "published": iso(self.when, self.has_time),
            "updated": iso(self.updated) if self.updated else None,
            "authors": [{"name": name, "role": role} for name, role in self.authors],
            "resolutions": self.resolutions(), "captions": self.captions(),
            "summary": self.lead, "body": "\n\n".join(self.paragraphs()),
            "category": self.category, "language": self.language, "source_url": self.source_url,
            "uploader": self.uploader, "source_credit": self.source_credit,
            "attachments": [{"url": f"https://{self.site}{self.attachment[0]}", "title": self.attachment[1]}]
            if self.attachment else [],
            "malformed_html": self.malformed,
        }


def sodttg_article(raw):
    slug = raw.get("slug") or slugify(raw["title"])
    path = f"/tin-tuc-su-kien/{raw['cat']}/{slug}.html"
    return Article(SODTTG_HOST, raw, path, SODTTG_CATEGORIES[raw["cat"]], [raw["author"]])


def caobang_article(raw):
    slug = slugify(raw["title"], limit=80, keep_case=True, whole_words=True)
    path = f"/Pages/tin-tuc/{slug}.aspx?ItemID={raw['item_id']}"
    authors = [(raw["byline"], None)] if raw.get("byline") else []
    return Article(CAOBANG_HOST, raw, path, "Tin tức - Sự kiện", authors)


def vccorp_id(when, key):
    return "119" + when.strftime("%y%m%d%H%M%S") + str(views(key) % 1000).zfill(3)


def chinhphu_article(raw):
    when, _ = parse_when(raw["when"])
    path = f"/{slugify(raw['title'], limit=100, whole_words=True)}-{vccorp_id(when, raw['key'])}.htm"
    return Article(CHINHPHU_HOST, raw, path, CHINHPHU_CATEGORIES[raw["cat"]], raw["authors"])


def seed_blocks():
    """The seed's article lines (without the 'সূত্র:' and 'মন্তব্য' lines) and its source URL."""
    source = next(line for line in SEED_LINES if line.startswith("সূত্র:"))
    lines = [line for line in SEED_LINES if line != source and not line.startswith("মন্তব্য")]
    blocks = []
    for line in lines:
        figures = sum(is_fig(block) for block in blocks)
        blocks.append(fig(line, figures % 2) if line.startswith("(") and line.endswith(")") else line)
    return blocks, source.split(":", 1)[1].strip()


def byline_line(block):
    return isinstance(block, str) and block.startswith("লেখক")


def mirror_article(raw, originals):
    """A Bengali translation: the byline is an article line but not body; the source line is added."""
    original = originals[raw["of"]]
    if raw["lines"] == "seed":
        blocks, source_url = seed_blocks()
        assert source_url == original.url, "the seed's source line must point at the sodttg original"
    else:
        blocks = raw["lines"]
    body = [block for block in blocks if not byline_line(block)]
    article = Article(MIRROR_HOST, dict(raw, body=body), f"/{raw['slug']}/", "সংবাদ", raw["authors"], lead="")
    article.lead, article.source_url, article.language = None, original.url, "bn"
    article.byline_text = next(block for block in blocks if byline_line(block))
    return article


# ============================================================================================
# Self-checks on the content (so that expected.json tells the truth)
# ============================================================================================

CODE_RE = re.compile(
    r"(?<![\w/])(?:\d{1,5}-[A-ZĐ][A-Za-zĐ]{0,4}/[A-ZĐ][A-Za-zĐ]*"
    r"|\d{1,5}[a-z]?(?:/(?:19|20)\d{2})?/[A-ZĐ][A-Za-zĐ]*(?:-[A-ZĐ][A-Za-zĐ0-9]*)*)(?![\w])"
)


def squeeze_codes(text):
    text = re.sub(r"[\u2010-\u2015]", "-", unicodedata.normalize("NFC", text))
    return re.sub(r"\s*([/-])\s*", r"\1", text)


def check_article(article):
    problems = []
    if article.language == "vi":
        text = squeeze_codes(article.text())
        found = set(CODE_RE.findall(text))
        problems += [f"declared but absent: {d}" for d in article.docs if d not in text]
        problems += [f"cited but undeclared: {c}" for c in sorted(found - set(article.docs))]
        if len(article.paragraphs()) + bool(article.lead) < 4:
            problems.append("fewer than 4 paragraphs")
    if not 2015 <= article.when.year <= 2025:
        problems.append("date outside 2015-2025")
    if problems:
        raise ValueError(f"{article.key}: " + "; ".join(problems))


# ============================================================================================
# Binary assets
# ============================================================================================

def png_bytes(width, height, rgb):
    def chunk(tag, data):
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data))
    rows = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")


IMAGES = [png_bytes(32, 18, (176, 190, 197)), png_bytes(32, 18, (144, 164, 174))]
LOGO = png_bytes(16, 16, (198, 40, 40))


def pdf_bytes(title):
    text = ascii_fold(title).replace("\\", "").replace("(", "[").replace(")", "]")
    stream = b"BT /F1 12 Tf 56 780 Td (" + text.encode() + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


# ============================================================================================
# Shared XML: sitemaps and RSS
# ============================================================================================

def sitemap_xml(entries):
    """entries: (absolute URL, lastmod ISO string or None)."""
    rows = []
    for loc, lastmod in entries:
        mod = f"<lastmod>{lastmod}</lastmod>" if lastmod else ""
        rows.append(f"  <url><loc>{e(loc)}</loc>{mod}</url>")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' + "\n".join(rows) + "\n</urlset>\n")


def sitemap_index_xml(entries):
    rows = [f"  <sitemap><loc>{e(loc)}</loc><lastmod>{lastmod}</lastmod></sitemap>" for loc, lastmod in entries]
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
            + "\n".join(rows) + "\n</sitemapindex>\n")


def rss_xml(title, link, description, articles):
    items = [
        "    <item>\n"
        f"      <title>{e(a.title)}</title>\n      <link>{e(a.url)}</link>\n"
        f"      <guid isPermaLink=\"true\">{e(a.url)}</guid>\n"
        f"      <pubDate>{format_datetime(a.when)}</pubDate>\n"
        f"      <description>{e(a.lead or '')}</description>\n    </item>"
        for a in articles
    ]
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0">\n  <channel>\n'
            f"    <title>{e(title)}</title>\n    <link>{e(link)}</link>\n"
            f"    <description>{e(description)}</description>\n    <language>vi</language>\n"
            + "\n".join(items) + "\n  </channel>\n</rss>\n")


# ============================================================================================
# Site writers
# ============================================================================================

class SiteWriter:
    host = ""

    def __init__(self, out, articles):
        self.root = out / "sites" / self.host
        self.articles = sorted(articles, key=lambda a: a.when, reverse=True)
        self.non_articles = []
        self.name = SITE_NAMES[self.host]

    def write(self, path, content):
        target = self.root / query_file_name(path).replace("%20", " ")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))

    def absolute(self, path):
        return f"https://{self.host}{path}"

    def note(self, path, kind):
        self.non_articles.append({"site": self.host, "path": path, "kind": kind})

    def latest(self, count=5):
        return self.articles[:count]

    def most_viewed(self, count=5):
        return sorted(self.articles, key=lambda a: (-a.views, a.key))[:count]

    def related(self, article, count=4, same=lambda a, b: True):
        others = [a for a in self.articles if a is not article and same(a, article)]
        nearest = sorted(others, key=lambda a: abs((a.when - article.when).total_seconds()))[:count]
        return sorted(nearest, key=lambda a: a.when, reverse=True)

    def render(self):
        raise NotImplementedError


def link_list(articles, with_date=True):
    rows = [f'<li><a href="{attr(a.path)}">{e(a.title)}</a>'
            + (f' <span class="date">({dmy(a.when)})</span>' if with_date else "") + "</li>"
            for a in articles]
    return "<ul>\n" + "\n".join(rows) + "\n</ul>"


def pager(page, count, href, prev_text="Trang trước", next_text="Trang sau"):
    """Numbered pagination with previous/next links; href(n) gives page n's path."""
    if count <= 1:
        return ""
    parts = [f'<a href="{attr(href(page - 1))}" rel="prev">{prev_text}</a>'] if page > 1 else []
    for number in range(1, count + 1):
        parts.append(f'<span class="active">{number}</span>' if number == page
                     else f'<a href="{attr(href(number))}">{number}</a>')
    if page < count:
        parts.append(f'<a href="{attr(href(page + 1))}" rel="next">{next_text}</a>')
    return '<div class="pagination">' + " ".join(parts) + "</div>"


class SodttgSite(SiteWriter):
    """sodttg.langson.gov.vn: slug .html URLs, 'Ngày đăng' + 'Người đăng tin', 'Tác giả:' last."""
    host = SODTTG_HOST
    per_page = 6
    images = ["/uploads/images/anh-tin-bai-1.png", "/uploads/images/anh-tin-bai-2.png"]
    tags = {
        "chuyen-doi-so": ("Chuyển đổi số", lambda a: "chuyển đổi số" in a.text().lower()),
        "nghi-quyet-57": ("Nghị quyết 57", lambda a: "57-NQ/TW" in a.docs),
    }

    # ---- page frame
    def page(self, title, canonical, main, description=""):
        head_title = f"{e(title)} - {e(self.name)}" if title else e(self.name)
        return f"""<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{head_title}</title>
<meta name="description" content="{attr(description)}">
<link rel="canonical" href="{attr(self.absolute(canonical))}">
<link rel="alternate" type="application/rss+xml" title="Tin tức - {attr(self.name)}" href="/rss.xml">
<link rel="stylesheet" href="/static/css/site.css">
</head>
<body>
{self.header()}
<div class="container page-body">
<div class="col-main">
{main}
</div>
{self.sidebar()}
</div>
{self.footer()}
</body>
</html>
"""

    def header(self):
        today = f"{weekday_vi(TODAY)}, {TODAY.strftime('%d/%m/%Y')}"
        submenu = "\n".join(f'<li><a href="/tin-tuc-su-kien/{slug}.html">{e(name)}</a></li>'
                            for slug, name in SODTTG_CATEGORIES.items())
        return f"""<div class="top-bar"><div class="container"><span class="today">{today}</span>
<span class="links"><a href="/gioi-thieu.html">Giới thiệu</a> | <a href="/lich-cong-tac.html">Lịch công tác</a> | <a href="/rss.xml">RSS</a></span></div></div>
<header class="site-header"><div class="container">
<a class="logo" href="/"><img src="/images/logo.png" alt="Quốc huy"></a>
<div class="site-name"><p class="parent">ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN</p><p class="agency">SỞ DÂN TỘC VÀ TÔN GIÁO</p></div>
<form class="search-box" action="/tim-kiem.html" method="get"><input type="text" name="keyword" placeholder="Nhập từ khóa tìm kiếm..."><button type="submit">Tìm kiếm</button></form>
</div></header>
<nav class="main-menu"><div class="container"><ul>
<li><a href="/">Trang chủ</a></li>
<li><a href="/gioi-thieu.html">Giới thiệu</a></li>
<li class="has-sub"><a href="/tin-tuc-su-kien.html">Tin tức - Sự kiện</a><ul class="sub-menu">
{submenu}
<li><a href="/tin-tuc-su-kien/thong-bao.html">Thông báo</a></li>
</ul></li>
<li><a href="/lich-cong-tac.html">Lịch công tác</a></li>
</ul></div></nav>"""

    def sidebar(self):
        return f"""<aside class="col-side">
<div class="box box-latest"><h3 class="box-title">Tin mới</h3>
{link_list(self.latest(), with_date=False)}
</div>
<div class="box box-popular"><h3 class="box-title">Xem nhiều</h3>
{link_list(self.most_viewed(), with_date=False)}
</div>
<div class="box box-weblinks"><h3 class="box-title">Liên kết website</h3>
<ul><li><a href="https://langson.gov.vn" target="_blank" rel="noopener">Cổng Thông tin điện tử tỉnh Lạng Sơn</a></li>
<li><a href="https://dichvucong.gov.vn" target="_blank" rel="noopener">Cổng Dịch vụ công quốc gia</a></li></ul>
</div>
</aside>"""

    def footer(self):
        return """<footer class="site-footer"><div class="container">
<p class="footer-name"><b>SỞ DÂN TỘC VÀ TÔN GIÁO TỈNH LẠNG SƠN</b></p>
<p>Địa chỉ: Trung tâm hành chính tỉnh, phường Lương Văn Tri, tỉnh Lạng Sơn</p>
<p>Email: sodttg@langson.gov.vn – Chịu trách nhiệm chính: Giám đốc Sở Dân tộc và Tôn giáo</p>
<p>Ghi rõ nguồn “sodttg.langson.gov.vn” khi phát hành lại thông tin từ website này.</p>
</div></footer>"""

    def breadcrumb(self, *crumbs):
        links = ['<a href="/">Trang chủ</a>'] + [f'<a href="{attr(path)}">{e(name)}</a>' for path, name in crumbs]
        return '<div class="breadcrumb">' + " » ".join(links) + "</div>"

    # ---- article pages
    def article_html(self, a):
        main = "\n".join([
            self.breadcrumb(("/tin-tuc-su-kien.html", "Tin tức - Sự kiện"),
                            (f"/tin-tuc-su-kien/{a.raw['cat']}.html", a.category)),
            '<article class="news-detail">',
            f'<h1 class="news-title">{e(a.title)}</h1>',
            self.meta_line(a),
            f'<div class="news-sapo"><p><strong>{e(a.lead)}</strong></p></div>',
            self.content_html(a),
            self.attachment_html(a),
            self.tags_html(a),
            "</article>",
            self.comments_html(),
            '<div class="related-news"><h3 class="box-title">Tin liên quan</h3>',
            link_list(self.related(a, same=lambda x, y: x.raw["cat"] == y.raw["cat"])),
            "</div>",
            self.tools_html(a),
        ])
        return self.page(a.title, a.path, main, description=a.lead)

    def meta_line(self, a):
        posted = dmy_hm(a.when) if a.has_time else dmy(a.when)
        return (f'<div class="news-meta"><span class="post-date">Ngày đăng: {posted}</span> | '
                f'<span class="post-by">Người đăng tin: {e(a.uploader)}</span></div>')

    def block_html(self, block):
        if is_fig(block):
            _, caption, image = block
            return (f'<figure class="image"><img src="{self.images[image]}" alt="{attr(caption)}">'
                    f"<figcaption>{e(caption)}</figcaption></figure>")
        return f'<p style="text-align:justify">{e(block)}</p>'

    def content_html(self, a):
        name, role = a.authors[0]
        byline = f"Tác giả: {name}" + (f" - {role}" if role else "")
        rows = [self.block_html(block) for block in a.blocks]
        rows.append(f'<p style="text-align:right"><b>{e(byline)}</b></p>')
        if a.malformed:  # unclosed paragraphs and an unclosed content <div>, as pasted by hand
            return '<div class="news-content">\n' + "\n".join(r.replace("</p>", "") for r in rows) + "\n</span>"
        return '<div class="news-content">\n' + "\n".join(rows) + "\n</div>"

    def attachment_html(self, a):
        if not a.attachment:
            return ""
        path, title = a.attachment
        return f'<div class="attachments"><b>Tệp đính kèm:</b> <a href="{attr(path)}">{e(title)}</a></div>'

    def tags_html(self, a):
        links = [f'<a href="/tag/{slug}.html">{e(name)}</a>' for slug, (name, has) in self.tags.items() if has(a)]
        return f'<div class="news-tags">Từ khóa: {", ".join(links)}</div>' if links else ""

    def comments_html(self):
        return """<div class="comment-box"><h3 class="box-title">Bình luận (0)</h3>
<form class="comment-form" action="/binh-luan.html" method="post">
<input type="text" name="name" placeholder="Họ và tên"> <input type="email" name="email" placeholder="Email">
<textarea name="content" placeholder="Nội dung bình luận"></textarea><button type="submit">Gửi bình luận</button>
</form></div>"""

    def tools_html(self, a):
        share = "https://www.facebook.com/sharer/sharer.php?u=" + a.url
        return (f'<div class="article-tools no-print"><a class="share-facebook" href="{attr(share)}" target="_blank" '
                f'rel="noopener">Chia sẻ</a> <a class="print" href="javascript:window.print()">In bài viết</a> '
                f'<span class="view-count">Lượt xem: {a.views}</span></div>')

    # ---- listings
    def item_html(self, a):
        image = self.images[views(a.key) % 2]
        return (f'<div class="news-item"><a class="thumb" href="{attr(a.path)}"><img src="{image}" alt=""></a>'
                f'<h3 class="news-item-title"><a href="{attr(a.path)}">{e(a.title)}</a></h3>'
                f'<p class="news-item-date">{dmy(a.when)}</p><p class="news-item-sapo">{e(a.lead)}</p></div>')

    def write_listing(self, base, title, articles, crumbs):
        """base '/tin-tuc-su-kien/tin-hoat-dong' -> base.html, base/trang-2.html, ..."""
        pages = chunks(articles, self.per_page)

        def href(number):
            return f"{base}.html" if number == 1 else f"{base}/trang-{number}.html"

        for number, items in enumerate(pages, 1):
            rows = "\n".join(self.item_html(a) for a in items) or '<p class="empty">Chưa có tin bài trong chuyên mục này.</p>'
            main = (f"{self.breadcrumb(*crumbs)}\n<h1 class=\"category-title\">{e(title)}</h1>\n"
                    f'<div class="news-list">\n{rows}\n</div>\n{pager(number, len(pages), href)}')
            self.write(href(number), self.page(title, href(number), main))
        return [href(n) for n in range(1, len(pages) + 1)]

    def write_listings(self):
        paths = self.write_listing("/tin-tuc-su-kien", "Tin tức - Sự kiện", self.articles, [])
        for slug, name in SODTTG_CATEGORIES.items():
            items = [a for a in self.articles if a.raw["cat"] == slug]
            crumbs = [("/tin-tuc-su-kien.html", "Tin tức - Sự kiện")]
            paths += self.write_listing(f"/tin-tuc-su-kien/{slug}", name, items, crumbs)
        empty = self.write_listing("/tin-tuc-su-kien/thong-bao", "Thông báo", [], [("/tin-tuc-su-kien.html", "Tin tức - Sự kiện")])
        self.note(empty[0], "empty-listing")
        for path in paths:
            self.note(path, "listing")
        return paths

    # ---- other pages
    def write_home(self):
        blocks = []
        for slug, name in SODTTG_CATEGORIES.items():
            items = [a for a in self.articles if a.raw["cat"] == slug][:3]
            blocks.append(f'<section class="home-category"><h2><a href="/tin-tuc-su-kien/{slug}.html">{e(name)}</a></h2>\n'
                          f"{link_list(items)}\n</section>")
        main = ('<section class="home-hot"><h2>Tin tức - Sự kiện</h2>\n<div class="news-list">\n'
                + "\n".join(self.item_html(a) for a in self.latest(6)) + "\n</div>\n"
                '<a class="more" href="/tin-tuc-su-kien.html">Xem thêm</a></section>\n' + "\n".join(blocks))
        self.write("/", self.page(None, "/", main, description="Trang thông tin điện tử " + self.name))
        self.note("/", "home")

    def write_tags(self):
        for slug, (name, has) in self.tags.items():
            items = [a for a in self.articles if has(a)]
            main = (f'{self.breadcrumb()}\n<h1 class="category-title">Từ khóa: {e(name)}</h1>\n'
                    f'<div class="news-list">\n' + "\n".join(self.item_html(a) for a in items) + "\n</div>")
            self.write(f"/tag/{slug}.html", self.page(f"Từ khóa: {name}", f"/tag/{slug}.html", main))
            self.note(f"/tag/{slug}.html", "tag")

    def write_calendar(self):
        week = [dt.date(2025, 7, 14) + dt.timedelta(days=n) for n in range(5)]
        duties = ["Giám đốc Sở dự họp giao ban UBND tỉnh", "Phó Giám đốc Sở làm việc tại huyện Bình Gia",
                  "Họp Chi bộ thường kỳ tháng 7", "Tiếp công dân định kỳ", "Giao ban cơ quan"]
        rows = "\n".join(f"<tr><td>{weekday_vi(day)}, {day.strftime('%d/%m/%Y')}</td><td>08h00</td><td>{e(duty)}</td></tr>"
                         for day, duty in zip(week, duties))
        main = (f'{self.breadcrumb()}\n<h1 class="category-title">Lịch công tác tuần 29 năm 2025</h1>\n'
                f'<p>(Từ ngày 14/07/2025 đến ngày 18/07/2025)</p>\n<table class="calendar">\n'
                f"<tr><th>Ngày</th><th>Giờ</th><th>Nội dung</th></tr>\n{rows}\n</table>")
        self.write("/lich-cong-tac.html", self.page("Lịch công tác", "/lich-cong-tac.html", main))
        self.note("/lich-cong-tac.html", "calendar")

    def write_intro(self):
        main = (f'{self.breadcrumb()}\n<h1 class="category-title">Giới thiệu</h1>\n'
                "<p>Sở Dân tộc và Tôn giáo là cơ quan chuyên môn thuộc UBND tỉnh Lạng Sơn, tham mưu, giúp UBND tỉnh "
                "quản lý nhà nước về công tác dân tộc, tín ngưỡng, tôn giáo.</p>\n"
                "<p>Cơ cấu tổ chức gồm: Văn phòng, Thanh tra, Phòng Chính sách dân tộc, Phòng Tôn giáo.</p>")
        self.write("/gioi-thieu.html", self.page("Giới thiệu", "/gioi-thieu.html", main))
        self.note("/gioi-thieu.html", "static-page")

    def write_feeds(self, listing_paths):
        entries = [(self.absolute("/"), iso(self.articles[0].when))]
        entries += [(self.absolute(p), None) for p in listing_paths if "/trang-" not in p]
        entries += [(a.url, iso(a.when, a.has_time)) for a in self.articles]
        self.write("/sitemap.xml", sitemap_xml(entries))
        self.write("/rss.xml", rss_xml("Tin tức - " + self.name, self.absolute("/"),
                                       "Tin tức, sự kiện của " + self.name, self.latest(15)))
        self.write("/robots.txt", "User-agent: *\nDisallow: /admin/\nDisallow: /tim-kiem.html\n"
                                  f"Sitemap: {self.absolute('/sitemap.xml')}\n")

    def write_assets(self):
        for path, data in zip(self.images, IMAGES):
            self.write(path, data)
        self.write("/images/logo.png", LOGO)
        self.write("/static/css/site.css", "body{font-family:Arial,sans-serif}.container{max-width:1140px;margin:auto}\n")
        for a in self.articles:
            if a.attachment:
                self.write(a.attachment[0], pdf_bytes(a.attachment[1]))

    def render(self):
        for a in self.articles:
            self.write(a.path, self.article_html(a))
        listing_paths = self.write_listings()
        self.write_home()
        self.write_tags()
        self.write_calendar()
        self.write_intro()
        self.write_feeds(listing_paths)
        self.write_assets()


class CaobangSite(SiteWriter):
    """sotttt.caobang.gov.vn: SharePoint pages, charset only in the page's <meta http-equiv>."""
    host = CAOBANG_HOST
    per_page = 5
    part = f"ctl00_SPWebPartManager1_g_{SHAREPOINT_GUID}"
    images = ["/PublishingImages/tin-tuc/anh-tin-1.png", "/PublishingImages/tin-tuc/anh-tin-2.png"]
    calendar = "/Pages/lich-cong-tac.aspx?nam=2025&tuan=7"

    def page(self, title, canonical, main):
        viewstate = base64.b64encode(hashlib.sha1(canonical.encode()).digest() * 3).decode()
        action = canonical.rsplit("/", 1)[-1]
        return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html dir="ltr" lang="vi-VN">
<head><meta name="GENERATOR" content="Microsoft SharePoint" />
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<meta http-equiv="X-UA-Compatible" content="IE=10" />
<title>
	{e(title)} - {e(self.name)}
</title>
<link rel="canonical" href="{attr(self.absolute(canonical))}" />
<link rel="stylesheet" type="text/css" href="/Style%20Library/css/portal.css" />
<script type="text/javascript">var _spPageContextInfo = {{webServerRelativeUrl: "\\u002f", webLanguage: 1066, currentLanguage: 1066}};</script>
</head>
<body>
<form method="post" action="./{attr(action)}" id="aspnetForm">
<div class="aspNetHidden"><input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDw{viewstate}" /></div>
<div id="s4-workspace"><div id="s4-bodyContainer">
{self.header()}
<div id="contentRow"><div class="col-left">
{main}
</div>
{self.sidebar()}
</div>
{self.footer()}
</div></div>
</form>
</body>
</html>
"""

    def header(self):
        today = f"{weekday_vi(TODAY)}, {TODAY.strftime('%d/%m/%Y')}"
        return f"""<div class="header-top"><span class="today">Hôm nay: {today}</span></div>
<div class="banner"><a href="/Pages/Home.aspx"><img src="/PublishingImages/banner.png" alt="{attr(self.name)}" /></a></div>
<div class="menu-top"><ul>
<li><a href="/Pages/Home.aspx">Trang chủ</a></li>
<li><a href="/Pages/tin-tuc.aspx">Tin tức - Sự kiện</a></li>
<li><a href="{attr(self.calendar)}">Lịch công tác</a></li>
</ul></div>"""

    def sidebar(self):
        return f"""<div class="col-right">
<div class="box-right"><div class="box-title">Tin mới</div>
{link_list(self.latest(), with_date=False)}
</div>
<div class="box-right"><div class="box-title">Xem nhiều</div>
{link_list(self.most_viewed(), with_date=False)}
</div>
</div>"""

    def footer(self):
        return """<div class="footer"><p><strong>SỞ THÔNG TIN VÀ TRUYỀN THÔNG TỈNH CAO BẰNG</strong></p>
<p>Địa chỉ: Trung tâm hành chính tỉnh, thành phố Cao Bằng, tỉnh Cao Bằng</p>
<p>Chịu trách nhiệm chính: Giám đốc Sở Thông tin và Truyền thông</p></div>"""

    def date_text(self, a, index):
        if index % 2:
            return f"{weekday_vi(a.when)}, {dmy_hm(a.when)}"
        return f"{dmy(a.when)} | {a.when.strftime('%H:%M')} GMT+7"

    def block_html(self, block, malformed):
        if is_fig(block):
            _, caption, image = block
            return (f'<table class="image-table" align="center"><tr><td><img src="{self.images[image]}" alt="" /></td></tr>'
                    f'<tr><td class="image-caption"><em>{e(caption)}</em></td></tr></table>')
        if malformed:  # pasted from a word processor: nothing closed
            return f'<p class="MsoNormal"><span style="font-size:14pt"><font face="Times New Roman">{e(block)}<o:p></o:p>'
        return f'<p style="text-align:justify">{e(block)}</p>'

    def credit_html(self, a):
        if a.authors:
            return "", f"<p><strong><em>{e(a.authors[0][0])}</em></strong></p>"
        credit = (f'<div id="{self.part}_ctl00_pnNguontin" class="nguon-tin">'
                  f"<p><font>Nguồn tin: {e(a.source_credit)}</font></p></div>")
        return credit, ""

    def article_html(self, a, index):
        credit, byline = self.credit_html(a)
        body = "\n".join(self.block_html(block, a.malformed) for block in a.blocks)
        attachment = (f'<div class="attachment">Tài liệu đính kèm: <a href="{attr(a.attachment[0])}">{e(a.attachment[1])}</a></div>'
                      if a.attachment else "")
        main = f"""<div id="{self.part}" class="ms-webpart-zone"><div id="{self.part}_ctl00_pnView" class="news-detail">
<div class="breadcrumb"><a href="/Pages/Home.aspx">Trang chủ</a> &gt; <a href="/Pages/tin-tuc.aspx">Tin tức - Sự kiện</a></div>
<div id="divArticleDescription3"><h1>{e(a.title)}</h1></div>
<div id="{self.part}_ctl00_pnHide" class="date-info"><span id="{self.part}_ctl00_lblNgayDang" class="date">{self.date_text(a, index)}</span></div>
<div id="divArticleDescription1"><p>{e(a.lead)}</p></div>
<div id="divArticleDescription2">
{body}
{byline}
</div>
{credit}
{attachment}
<div class="other-news"><h3>Các tin khác</h3>
{link_list(self.related(a))}
</div>
</div></div>"""
        return self.page(a.title, a.path, main)

    def item_html(self, a):
        image = self.images[views(a.key) % 2]
        return (f'<div class="news-item"><div class="news-image"><a href="{attr(a.path)}"><img src="{image}" alt="" /></a></div>'
                f'<div class="news-info"><a class="news-title" href="{attr(a.path)}">{e(a.title)}</a> '
                f'<span class="news-date">({dmy(a.when)})</span><p class="news-sapo">{e(a.lead)}</p></div></div>')

    def write_listing(self):
        pages = chunks(self.articles, self.per_page)

        def href(number):
            return "/Pages/tin-tuc.aspx" if number == 1 else f"/Pages/tin-tuc.aspx?page={number}"

        for number, items in enumerate(pages, 1):
            main = ('<div class="breadcrumb"><a href="/Pages/Home.aspx">Trang chủ</a> &gt; Tin tức - Sự kiện</div>\n'
                    '<h1 class="category-title">Tin tức - Sự kiện</h1>\n<div class="news-list">\n'
                    + "\n".join(self.item_html(a) for a in items) + f"\n</div>\n{pager(number, len(pages), href)}")
            self.write(href(number), self.page("Tin tức - Sự kiện", href(number), main))
            self.note(href(number), "listing")

    def write_home(self):
        main = ('<div class="home-news"><h2 class="box-title">Tin tức - Sự kiện</h2>\n<div class="news-list">\n'
                + "\n".join(self.item_html(a) for a in self.latest(5))
                + '\n</div>\n<a class="more" href="/Pages/tin-tuc.aspx">Xem tất cả</a></div>')
        self.write("/Pages/Home.aspx", self.page("Trang chủ", "/Pages/Home.aspx", main))
        self.note("/Pages/Home.aspx", "home")

    def write_calendar(self):
        week = [dt.date(2025, 2, 10) + dt.timedelta(days=n) for n in range(5)]
        duties = ["Giao ban lãnh đạo Sở", "Kiểm tra hạ tầng viễn thông huyện Bảo Lạc",
                  "Họp Ban Chỉ đạo chuyển đổi số tỉnh", "Tiếp công dân định kỳ", "Họp bàn công tác hợp nhất Sở"]
        rows = "\n".join(f"<tr><td>{weekday_vi(day)}<br />{day.strftime('%d/%m/%Y')}</td><td>{e(duty)}</td></tr>"
                         for day, duty in zip(week, duties))
        main = ('<h1 class="category-title">Lịch công tác tuần 7 năm 2025</h1>\n<table class="ms-listviewtable">\n'
                f"<tr><th>Thời gian</th><th>Nội dung</th></tr>\n{rows}\n</table>")
        self.write(self.calendar, self.page("Lịch công tác", self.calendar, main))
        self.note(self.calendar, "calendar")

    def write_feeds(self):
        entries = [(self.absolute("/Pages/Home.aspx"), iso(self.articles[0].when)),
                   (self.absolute("/Pages/tin-tuc.aspx"), iso(self.articles[0].when))]
        entries += [(a.url, iso(a.when, a.has_time)) for a in self.articles]
        self.write("/sitemap.xml", sitemap_xml(entries))
        self.write("/robots.txt", "User-agent: *\nDisallow: /_layouts/\nDisallow: /_vti_bin/\n"
                                  f"Sitemap: {self.absolute('/sitemap.xml')}\n")

    def write_assets(self):
        for path, data in zip(self.images, IMAGES):
            self.write(path, data)
        self.write("/PublishingImages/banner.png", LOGO)
        self.write("/Style%20Library/css/portal.css", "body{font-family:Tahoma,sans-serif}\n")
        for a in self.articles:
            if a.attachment:
                self.write(a.attachment[0], pdf_bytes(a.attachment[1]))

    def render(self):
        for index, a in enumerate(sorted(self.articles, key=lambda a: a.when)):
            self.write(a.path, self.article_html(a, index))
        self.write_listing()
        self.write_home()
        self.write_calendar()
        self.write_feeds()
        self.write_assets()


class ChinhphuSite(SiteWriter):
    """xaydungchinhsach.chinhphu.vn: VCCorp markup, JSON-LD, OpenGraph and <time datetime>."""
    host = CHINHPHU_HOST
    per_page = 4
    images = ["/images/2025/anh-bai-viet-1.png", "/images/2025/anh-bai-viet-2.png"]
    suffix = "Xây dựng chính sách, pháp luật"

    def page(self, title, canonical, main, head=""):
        return f"""<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(title)} - {self.suffix}</title>
<link rel="canonical" href="{attr(self.absolute(canonical))}">
<link rel="alternate" type="application/rss+xml" title="{self.suffix}" href="/rss/home.rss">
<link rel="stylesheet" href="/static/css/detail.css">
{head}
</head>
<body>
{self.header()}
<main class="main"><div class="container">
<div class="main-left">
{main}
</div>
{self.sidebar()}
</div></main>
{self.footer()}
</body>
</html>
"""

    def header(self):
        today = f"{weekday_vi(TODAY)}, {TODAY.strftime('%d/%m/%Y')}"
        menu = "\n".join(f'<li><a href="/{slug}.htm">{e(name)}</a></li>' for slug, name in CHINHPHU_CATEGORIES.items())
        return f"""<header class="header"><div class="header__top"><span class="header__date">{today}</span></div>
<a class="header__logo" href="/"><img src="/images/logo.png" alt="{self.suffix}"></a>
<nav class="header__menu"><ul>
<li><a href="/">Trang chủ</a></li>
{menu}
</ul></nav></header>"""

    def sidebar(self):
        return f"""<aside class="main-right">
<div class="box-sidebar"><h3 class="box-sidebar-title">Tin mới</h3>
{link_list(self.latest(), with_date=False)}
</div>
<div class="box-sidebar"><h3 class="box-sidebar-title">Xem nhiều</h3>
{link_list(self.most_viewed(), with_date=False)}
</div>
</aside>"""

    def footer(self):
        return """<footer class="footer"><p>CỔNG THÔNG TIN ĐIỆN TỬ CHÍNH PHỦ – Chuyên trang Xây dựng chính sách, pháp luật</p>
<p>Ghi rõ nguồn “Cổng Thông tin điện tử Chính phủ” khi phát hành lại thông tin từ website này.</p></footer>"""

    def head_meta(self, a):
        image = self.absolute(self.images[0])
        rows = [
            f'<meta name="description" content="{attr(a.lead)}">',
            '<meta property="og:type" content="article">',
            f'<meta property="og:site_name" content="{attr(self.name)}">',
            f'<meta property="og:title" content="{attr(a.title)}">',
            f'<meta property="og:description" content="{attr(a.lead)}">',
            f'<meta property="og:url" content="{attr(a.url)}">',
            f'<meta property="og:image" content="{attr(image)}">',
            f'<meta property="article:published_time" content="{iso(a.when)}">',
            f'<meta property="article:section" content="{attr(a.category)}">',
        ]
        if a.updated:
            rows.append(f'<meta property="article:modified_time" content="{iso(a.updated)}">')
        rows.append(f'<script type="application/ld+json">\n{self.json_ld(a, image)}\n</script>')
        return "\n".join(rows)

    def json_ld(self, a, image):
        people = [{"@type": "Person", "name": name} for name, _ in a.authors]
        data = {
            "@context": "https://schema.org", "@type": "NewsArticle",
            "mainEntityOfPage": {"@type": "WebPage", "@id": a.url},
            "headline": a.title, "description": a.lead, "image": [image],
            "datePublished": iso(a.when),
        }
        if a.updated:
            data["dateModified"] = iso(a.updated)
        data["author"] = people[0] if len(people) == 1 else people
        data["publisher"] = {"@type": "Organization", "name": "Cổng Thông tin điện tử Chính phủ",
                             "logo": {"@type": "ImageObject", "url": self.absolute("/images/logo.png")}}
        return json.dumps(data, ensure_ascii=False, indent=1)

    def block_html(self, block):
        if not is_fig(block):
            return f"<p>{e(block)}</p>"
        _, caption, image = block
        src = self.images[image]
        return (f'<figure class="VCSortableInPreviewMode" type="Photo"><div><a href="{src}" target="_blank">'
                f'<img src="{src}" data-original="{src}" alt="{attr(caption)}" title="{attr(caption)}"></a></div>'
                f'<figcaption class="PhotoCMS_Caption"><p data-placeholder="[nhập chú thích]">{e(caption)}</p>'
                "</figcaption></figure>")

    def author_top(self, a):
        if a.raw["author_at"] != "top":
            return ""
        return f'<div class="detail-author"><a class="detail-author-top-name" rel="author">{e(a.authors[0][0])}</a></div>'

    def author_end(self, a):
        if a.raw["author_at"] != "end":
            return ""
        names = " - ".join(name for name, _ in a.authors)
        return f'<p style="text-align:right"><b>{e(names)}</b></p>'

    def article_html(self, a):
        body = "\n".join(self.block_html(block) for block in a.blocks)
        main = f"""<div class="detail-container">
<div class="detail-top"><div class="list-cate"><a data-role="cate-name" href="/{a.raw['cat']}.htm">{e(a.category)}</a></div>
<div class="detail-time"><p data-role="publishdate"><time datetime="{iso(a.when)}">{dmy_hm(a.when)}</time></p></div></div>
<h1 class="detail-title" data-role="title">{e(a.title)}</h1>
{self.author_top(a)}
<h2 class="detail-sapo" data-role="sapo">{e(a.lead)}</h2>
<div class="detail-content afcbc-body clearfix" data-role="content">
{body}
{self.author_end(a)}
</div>
<div class="box-related"><h3 class="box-related-title">Tin liên quan</h3>
{link_list(self.related(a, same=lambda x, y: x.raw['cat'] == y.raw['cat']))}
</div>
</div>"""
        return self.page(a.title, a.path, main, head=self.head_meta(a))

    def item_html(self, a):
        image = self.images[views(a.key) % 2]
        return (f'<div class="box-stream-item"><a class="box-stream-link-with-avatar" href="{attr(a.path)}" '
                f'title="{attr(a.title)}"><img src="{image}" alt=""></a><div class="box-stream-content">'
                f'<h2><a class="box-stream-link-title" data-type="title" href="{attr(a.path)}">{e(a.title)}</a></h2>'
                f'<span class="box-stream-time">{dmy_hm(a.when)}</span><p class="box-stream-sapo">{e(a.lead)}</p></div></div>')

    def write_category(self, slug, name):
        items = [a for a in self.articles if a.raw["cat"] == slug]
        pages = chunks(items, self.per_page)
        if len(items) % self.per_page == 0:
            pages.append([])  # the CMS offers "Trang sau" after a full last page: it leads to an empty page

        def href(number):
            return f"/{slug}.htm" if number == 1 else f"/{slug}.htm?page={number}"

        for number, rows in enumerate(pages, 1):
            stream = "\n".join(self.item_html(a) for a in rows) or '<p class="empty">Không có bài viết nào.</p>'
            main = (f'<h1 class="box-category-title"><a data-role="cate-name" href="/{slug}.htm">{e(name)}</a></h1>\n'
                    f'<div class="box-stream timeline_list">\n{stream}\n</div>\n{pager(number, len(pages), href)}')
            self.write(href(number), self.page(name, href(number), main))
            self.note(href(number), "empty-listing" if not rows else "listing")

    def write_home(self):
        main = ('<div class="box-stream timeline_list">\n' + "\n".join(self.item_html(a) for a in self.latest(8))
                + "\n</div>")
        self.write("/", self.page("Trang chủ", "/", main))
        self.note("/", "home")

    def write_feeds(self):
        recent = [a for a in self.articles if a.when.year == 2025]
        older = [a for a in self.articles if a.when.year < 2025]
        children = [("/sitemaps/news-2025.xml", recent), ("/sitemaps/news-2019-2024.xml", older)]
        for path, items in children:
            self.write(path, sitemap_xml([(a.url, iso(a.updated or a.when)) for a in items]))
        self.write("/sitemap.xml", sitemap_index_xml(
            [(self.absolute(path), iso(max(a.updated or a.when for a in items))) for path, items in children]))
        self.write("/rss/home.rss", rss_xml(self.suffix, self.absolute("/"), self.name, self.latest(15)))
        self.write("/robots.txt", "User-agent: *\nDisallow: /admin/\nDisallow: /tim-kiem.htm\n"
                                  f"Sitemap: {self.absolute('/sitemap.xml')}\n")

    def write_assets(self):
        for path, data in zip(self.images, IMAGES):
            self.write(path, data)
        self.write("/images/logo.png", LOGO)
        self.write("/static/css/detail.css", ".detail-title{font-size:28px}\n")

    def render(self):
        for a in self.articles:
            self.write(a.path, self.article_html(a))
        for slug, name in CHINHPHU_CATEGORIES.items():
            self.write_category(slug, name)
        self.write_home()
        self.write_feeds()
        self.write_assets()


class MirrorSite(SiteWriter):
    """bn.langson-mirror.example: Bengali translations; each names its original in a 'সূত্র:' line."""
    host = MIRROR_HOST
    images = ["/wp-content/uploads/2025/07/chitro-1.png", "/wp-content/uploads/2025/07/chitro-2.png"]

    def page(self, title, canonical, main, head=""):
        head_title = f"{e(title)} – {e(self.name)}" if title else e(self.name)
        return f"""<!DOCTYPE html>
<html lang="bn">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{head_title}</title>
<link rel="canonical" href="{attr(self.absolute(canonical))}">
<link rel="stylesheet" href="/wp-content/themes/mirror/style.css">
{head}
</head>
<body class="wp-site">
<div class="mirror-notice">এটি একটি মিরর সাইট: ল্যাং সন প্রদেশের সরকারি সংবাদের বাংলা অনুবাদ এখানে পুনঃপ্রকাশিত হয়। মূল উৎস: sodttg.langson.gov.vn</div>
<header class="site-header"><p class="site-title"><a href="/">{e(self.name)}</a></p>
<nav class="main-navigation"><ul><li><a href="/">প্রথম পাতা</a></li><li><a href="/category/uncategorized/">অশ্রেণীবদ্ধ</a></li></ul></nav>
</header>
<div id="content" class="site-content">
<main id="main" class="site-main">
{main}
</main>
{self.sidebar()}
</div>
<footer class="site-footer"><p>অনুবাদগুলি কেবল তথ্যের জন্য; মূল ভিয়েতনামী পাঠই প্রামাণিক।</p></footer>
</body>
</html>
"""

    def sidebar(self):
        return f"""<aside id="secondary" class="widget-area">
<section class="widget"><h2 class="widget-title">সাম্প্রতিক পোস্ট</h2>
{link_list(self.latest(), with_date=False)}
</section>
<section class="widget"><h2 class="widget-title">সর্বাধিক পঠিত</h2>
{link_list(self.most_viewed(), with_date=False)}
</section>
</aside>"""

    def line_html(self, block):
        if is_fig(block):
            _, caption, image = block
            return (f'<figure class="wp-block-image"><img src="{self.images[image]}" alt="">'
                    f"<figcaption>{e(caption)}</figcaption></figure>")
        return f"<p>{e(block)}</p>"

    def article_html(self, a):
        lines = "\n".join(self.line_html(block) for block in a.blocks)
        head = (f'<meta property="og:type" content="article">\n<meta property="og:title" content="{attr(a.title)}">\n'
                f'<meta property="article:published_time" content="{iso(a.when)}">')
        main = f"""<article class="post type-post status-publish">
<header class="entry-header"><h1 class="entry-title">{e(a.title)}</h1>
<div class="entry-meta"><span class="posted-on">{bn_date(a.when)}</span></div></header>
<div class="entry-content">
{lines}
<p class="byline-line">{e(a.byline_text)}</p>
<p class="source-line">সূত্র: <a href="{attr(a.source_url)}">{e(a.source_url)}</a></p>
</div>
</article>
<section id="comments" class="comments-area"><h2 class="comments-title">মন্তব্য (0)</h2>
<form class="comment-form" action="/wp-comments-post.php" method="post"><textarea name="comment"></textarea>
<button type="submit">মন্তব্য পোস্ট করুন</button></form></section>"""
        return self.page(a.title, a.path, main, head=head)

    def write_home(self):
        posts = "\n".join(
            f'<article class="post"><h2 class="entry-title"><a href="{attr(a.path)}">{e(a.title)}</a></h2>'
            f'<span class="posted-on">{bn_date(a.when)}</span><p>{e(a.paragraphs()[0][:160])}…</p></article>'
            for a in self.articles)
        self.write("/", self.page(None, "/", posts))
        self.note("/", "listing")
        empty = '<h1 class="page-title">বিভাগ: অশ্রেণীবদ্ধ</h1>\n<p>কিছু পাওয়া যায়নি।</p>'
        self.write("/category/uncategorized/", self.page("অশ্রেণীবদ্ধ", "/category/uncategorized/", empty))
        self.note("/category/uncategorized/", "empty-listing")

    def render(self):
        for a in self.articles:
            self.write(a.path, self.article_html(a))
        self.write_home()
        entries = [(self.absolute("/"), iso(self.articles[0].when))] + [(a.url, iso(a.when)) for a in self.articles]
        self.write("/sitemap.xml", sitemap_xml(entries))
        self.write("/robots.txt", "User-agent: *\nDisallow: /wp-admin/\n"
                                  f"Sitemap: {self.absolute('/sitemap.xml')}\n")
        for path, data in zip(self.images, IMAGES):
            self.write(path, data)
        self.write("/wp-content/themes/mirror/style.css", "body{font-family:'Noto Sans Bengali',sans-serif}\n")


# ============================================================================================
# Output
# ============================================================================================

def build_articles():
    sodttg = [sodttg_article(raw) for raw in SODTTG]
    originals = {a.key: a for a in sodttg}
    return {
        SODTTG_HOST: sodttg,
        CAOBANG_HOST: [caobang_article(raw) for raw in CAOBANG],
        CHINHPHU_HOST: [chinhphu_article(raw) for raw in CHINHPHU],
        MIRROR_HOST: [mirror_article(raw, originals) for raw in MIRROR],
    }


WRITERS = {SODTTG_HOST: SodttgSite, CAOBANG_HOST: CaobangSite, CHINHPHU_HOST: ChinhphuSite, MIRROR_HOST: MirrorSite}


def check_all(articles):
    every = [a for site in articles.values() for a in site]
    for article in every:
        check_article(article)
    urls = [a.url for a in every]
    if len(urls) != len(set(urls)):
        raise ValueError("duplicate article URLs")


def sites_json():
    sites = [dict(site, directory=f"sites/{site['host']}") for site in SITES]
    return {
        "about": "Sample sites served by govnews.sample_portal; the content is sample content written for the project.",
        "query_files": "a URL with a query is stored as <path>@<name>=<value>[&...] with the parameters sorted by name; "
                       "a path ending in '/' is stored as <path>index.html",
        "charset": "'header': text types are sent with '; charset=utf-8'; 'meta': without it (only the page's meta says utf-8)",
        "sites": sites,
    }


def expected_json(articles, writers):
    records = [a.expected() for site in articles.values() for a in site]
    return {
        "about": "The truth for the sample portal: what a correct extraction of each article page gives.",
        "notes": {
            "published": "ISO 8601; with +07:00 when the page gives a time, a bare date otherwise",
            "body": "paragraphs joined by a blank line; without the lead (summary), captions, byline and source lines",
            "summary": "the lead as displayed (chinhphu leads keep their '(Chinhphu.vn) - ' source tag)",
            "authors": "people credited as writers; 'PV'/'CTV' kept as written; an uploader or a 'Nguồn tin' "
                       "credit is not an author",
            "resolutions": "canonical ids of every cited document, in order of first mention (title, lead, body)",
        },
        "counts": {host: len(items) for host, items in articles.items()},
        "articles": records,
        "non_articles": [page for writer in writers for page in writer.non_articles],
    }


def write_json(path, data):
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def generate(out):
    articles = build_articles()
    check_all(articles)
    if (out / "sites").exists():
        shutil.rmtree(out / "sites")
    writers = [WRITERS[host](out, items) for host, items in articles.items()]
    for writer in writers:
        writer.render()
    write_json(out / "sites.json", sites_json())
    write_json(out / "expected.json", expected_json(articles, writers))
    return articles


def main():
    parser = argparse.ArgumentParser(description="Write the sample portal's static files.")
    parser.add_argument("--out", type=Path, default=HERE, help="output directory (default: this directory)")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    articles = generate(args.out)
    for host, items in articles.items():
        print(f"{host}: {len(items)} articles")


if __name__ == "__main__":
    main()
