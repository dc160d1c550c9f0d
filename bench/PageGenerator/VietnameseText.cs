namespace Intake.Bench.PageGenerator;

/// <summary>Paragraphs of our own Vietnamese administrative prose (written for these tests, free to use), every tone mark and vowel form.</summary>
public static class VietnameseText
{
    public static IReadOnlyList<string> Paragraphs { get; } =
    [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập, Tự do, Hạnh phúc",
        "ĐƠN ĐỀ NGHỊ CẤP LẠI GIẤY KHAI SINH",
        "Kính gửi: Ủy ban nhân dân phường Bến Nghé, quận Một, thành phố Hồ Chí Minh.",
        "Họ và tên người yêu cầu: Nguyễn Thị Thanh Hương, sinh ngày 14 tháng 3 năm 1987, giới tính nữ, dân tộc Kinh, quốc tịch Việt Nam.",
        "Nơi cư trú: số 27 đường Lý Tự Trọng, phường Bến Nghé, quận Một. Số định danh cá nhân: 079187004512, cấp ngày 20 tháng 6 năm 2021.",
        "Quan hệ với người được cấp bản sao: mẹ đẻ. Đề nghị cơ quan cấp lại bản chính giấy khai sinh cho cháu Trần Minh Khoa, sinh ngày 5 tháng 9 năm 2015 tại bệnh viện Từ Dũ.",
        "Lý do: bản chính bị hư hỏng do ngập nước trong trận mưa lớn cuối tháng mười năm ngoái, chữ viết đã nhòe và không còn đọc được.",
        "Tôi cam đoan những nội dung khai trên đây là đúng sự thật và chịu trách nhiệm trước pháp luật về lời khai của mình.",
        "Kèm theo đơn gồm: bản sao căn cước công dân của người yêu cầu, bản chính giấy khai sinh bị hư hỏng, sổ hộ khẩu gia đình.",
        "Thời hạn giải quyết: ba ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ. Lệ phí theo quy định của Hội đồng nhân dân thành phố.",
        "Làm tại thành phố Hồ Chí Minh, ngày 12 tháng 11 năm 2024. Người làm đơn ký và ghi rõ họ tên.",
    ];
}
