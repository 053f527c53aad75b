; *** Inno Setup 6.5.0+ Vietnamese messages (CCHC Xã) ***
;
; Written for CCHC Xã from the message names of Inno Setup's Default.isl (6.5.0+, the same
; names through Inno Setup 7.x); every message of its [Messages] section is here, so no English
; is left in the installer (tests/build/test_installer_messages.py checks the names and the
; %1, %n, [name] placeholders against tests/fixtures/inno_default_messages.txt).
; Stock Inno Setup ships a Vietnamese file only under Languages\Unofficial and does not install
; it: build/installer.iss names this file, which sits beside it.
;
; UTF-8 text; LanguageCodePage=0 means "Unicode only" (Inno Setup's help, [LangOptions]).
; Do not add a period where the message names of Default.isl have none: Inno Setup adds one.

[LangOptions]
LanguageName=Tiếng Việt
LanguageID=$042A
LanguageCodePage=0

[Messages]

; *** Application titles
SetupAppTitle=Cài đặt
SetupWindowTitle=Cài đặt - %1
UninstallAppTitle=Gỡ cài đặt
UninstallAppFullTitle=Gỡ cài đặt %1

; *** Misc. common
InformationTitle=Thông tin
ConfirmTitle=Xác nhận
ErrorTitle=Lỗi

; *** SetupLdr messages
SetupLdrStartupMessage=Chương trình sẽ cài đặt %1. Bạn có muốn tiếp tục không?
LdrCannotCreateTemp=Không tạo được tệp tạm. Đã dừng cài đặt
LdrCannotExecTemp=Không chạy được tệp trong thư mục tạm. Đã dừng cài đặt
HelpTextNote=

; *** Startup error messages
LastErrorMessage=%1.%n%nLỗi %2: %3
SetupFileMissing=Thiếu tệp %1 trong thư mục cài đặt. Hãy khắc phục hoặc lấy lại một bản chương trình mới.
SetupFileCorrupt=Các tệp cài đặt bị hỏng. Hãy lấy lại một bản chương trình mới.
SetupFileCorruptOrWrongVer=Các tệp cài đặt bị hỏng hoặc không khớp với phiên bản trình cài đặt này. Hãy khắc phục hoặc lấy lại một bản chương trình mới.
InvalidParameter=Dòng lệnh có một tham số không hợp lệ:%n%n%1
SetupAlreadyRunning=Trình cài đặt đang chạy rồi.
WindowsVersionNotSupported=Chương trình không chạy được trên phiên bản Windows của máy tính này.
WindowsServicePackRequired=Chương trình cần %1 Service Pack %2 trở lên.
NotOnThisPlatform=Chương trình không chạy trên %1.
OnlyOnThisPlatform=Chương trình phải chạy trên %1.
OnlyOnTheseArchitectures=Chương trình chỉ cài được trên các phiên bản Windows dành cho những kiến trúc bộ xử lý sau:%n%n%1
WinVersionTooLowError=Chương trình cần %1 phiên bản %2 trở lên.
WinVersionTooHighError=Chương trình không cài được trên %1 phiên bản %2 trở lên.
AdminPrivilegesRequired=Phải đăng nhập bằng tài khoản quản trị (administrator) để cài chương trình này.
PowerUserPrivilegesRequired=Phải đăng nhập bằng tài khoản quản trị hoặc thuộc nhóm Power Users để cài chương trình này.
SetupAppRunningError=Trình cài đặt thấy %1 đang chạy.%n%nHãy đóng hết các cửa sổ của chương trình, rồi bấm OK để tiếp tục, hoặc Hủy để thoát.
UninstallAppRunningError=Trình gỡ cài đặt thấy %1 đang chạy.%n%nHãy đóng hết các cửa sổ của chương trình, rồi bấm OK để tiếp tục, hoặc Hủy để thoát.

; *** Startup questions
PrivilegesRequiredOverrideTitle=Chọn cách cài đặt
PrivilegesRequiredOverrideInstruction=Chọn cách cài đặt
PrivilegesRequiredOverrideText1=%1 có thể cài cho mọi người dùng của máy (cần quyền quản trị) hoặc chỉ cho riêng bạn.
PrivilegesRequiredOverrideText2=%1 có thể cài chỉ cho riêng bạn hoặc cho mọi người dùng của máy (cần quyền quản trị).
PrivilegesRequiredOverrideAllUsers=Cài cho &mọi người dùng
PrivilegesRequiredOverrideAllUsersRecommended=Cài cho &mọi người dùng (nên chọn)
PrivilegesRequiredOverrideCurrentUser=Chỉ cài cho &riêng tôi
PrivilegesRequiredOverrideCurrentUserRecommended=Chỉ cài cho &riêng tôi (nên chọn)

; *** Misc. errors
ErrorCreatingDir=Trình cài đặt không tạo được thư mục "%1"
ErrorTooManyFilesInDir=Không tạo được tệp trong thư mục "%1" vì thư mục đã chứa quá nhiều tệp

; *** Setup common messages
ExitSetupTitle=Thoát cài đặt
ExitSetupMessage=Việc cài đặt chưa xong. Nếu thoát bây giờ, chương trình sẽ không được cài.%n%nBạn có thể chạy lại trình cài đặt lúc khác để cài cho xong.%n%nThoát cài đặt?
AboutSetupMenuItem=&Giới thiệu trình cài đặt...
AboutSetupTitle=Giới thiệu trình cài đặt
AboutSetupMessage=%1 %2%n%3%n%nTrang chủ của %1:%n%4
AboutSetupNote=
TranslatorNote=

; *** Buttons
ButtonBack=< &Quay lại
ButtonNext=&Tiếp >
ButtonInstall=&Cài đặt
ButtonOK=OK
ButtonCancel=Hủy
ButtonYes=&Có
ButtonYesToAll=Có với &tất cả
ButtonNo=&Không
ButtonNoToAll=Không với tất &cả
ButtonFinish=&Xong
ButtonBrowse=&Chọn...
ButtonWizardBrowse=C&họn...
ButtonNewFolder=&Tạo thư mục mới

; *** "Select Language" dialog messages
SelectLanguageTitle=Chọn ngôn ngữ cài đặt
SelectLanguageLabel=Chọn ngôn ngữ dùng trong khi cài đặt.

; *** Common wizard text
ClickNext=Bấm Tiếp để tiếp tục, hoặc Hủy để thoát cài đặt.
BeveledLabel=
BrowseDialogTitle=Chọn thư mục
BrowseDialogLabel=Chọn một thư mục trong danh sách dưới đây, rồi bấm OK.
NewFolderName=Thư mục mới

; *** "Welcome" wizard page
WelcomeLabel1=Chào mừng bạn đến với trình cài đặt [name]
WelcomeLabel2=Chương trình sẽ cài [name/ver] vào máy tính của bạn.%n%nNên đóng các chương trình khác trước khi tiếp tục.

; *** "Password" wizard page
WizardPassword=Mật khẩu
PasswordLabel1=Bản cài đặt này được bảo vệ bằng mật khẩu.
PasswordLabel3=Hãy nhập mật khẩu, rồi bấm Tiếp để tiếp tục. Mật khẩu phân biệt chữ hoa và chữ thường.
PasswordEditLabel=&Mật khẩu:
IncorrectPassword=Mật khẩu vừa nhập không đúng. Hãy nhập lại.

; *** "License Agreement" wizard page
WizardLicense=Thỏa thuận giấy phép
LicenseLabel=Hãy đọc những thông tin quan trọng sau trước khi tiếp tục.
LicenseLabel3=Hãy đọc Thỏa thuận giấy phép sau. Bạn phải đồng ý với các điều khoản của thỏa thuận này thì mới cài đặt tiếp được.
LicenseAccepted=&Tôi đồng ý với thỏa thuận
LicenseNotAccepted=Tôi &không đồng ý với thỏa thuận

; *** "Information" wizard pages
WizardInfoBefore=Thông tin
InfoBeforeLabel=Hãy đọc những thông tin quan trọng sau trước khi tiếp tục.
InfoBeforeClickLabel=Khi đã sẵn sàng cài đặt tiếp, bấm Tiếp.
WizardInfoAfter=Thông tin
InfoAfterLabel=Hãy đọc những thông tin quan trọng sau trước khi tiếp tục.
InfoAfterClickLabel=Khi đã sẵn sàng cài đặt tiếp, bấm Tiếp.

; *** "User Information" wizard page
WizardUserInfo=Thông tin người dùng
UserInfoDesc=Hãy nhập thông tin của bạn.
UserInfoName=&Tên người dùng:
UserInfoOrg=&Cơ quan, đơn vị:
UserInfoSerial=&Số sê-ri:
UserInfoNameRequired=Phải nhập tên người dùng.

; *** "Select Destination Location" wizard page
WizardSelectDir=Chọn nơi cài đặt
SelectDirDesc=Cài [name] vào đâu?
SelectDirLabel3=Trình cài đặt sẽ cài [name] vào thư mục sau.
SelectDirBrowseLabel=Bấm Tiếp để tiếp tục. Muốn chọn thư mục khác, bấm Chọn.
DiskSpaceGBLabel=Cần ít nhất [gb] GB dung lượng trống trên ổ đĩa.
DiskSpaceMBLabel=Cần ít nhất [mb] MB dung lượng trống trên ổ đĩa.
CannotInstallToNetworkDrive=Trình cài đặt không cài được vào ổ đĩa mạng.
CannotInstallToUNCPath=Trình cài đặt không cài được vào đường dẫn UNC.
InvalidPath=Phải nhập đường dẫn đầy đủ có tên ổ đĩa, ví dụ:%n%nC:\App%n%nhoặc đường dẫn UNC dạng:%n%n\\server\share
InvalidDrive=Ổ đĩa hoặc thư mục chia sẻ UNC đã chọn không có hoặc không truy cập được. Hãy chọn nơi khác.
DiskSpaceWarningTitle=Không đủ dung lượng ổ đĩa
DiskSpaceWarning=Trình cài đặt cần ít nhất %1 KB dung lượng trống, nhưng ổ đĩa đã chọn chỉ còn %2 KB.%n%nVẫn tiếp tục?
DirNameTooLong=Tên thư mục hoặc đường dẫn quá dài.
InvalidDirName=Tên thư mục không hợp lệ.
BadDirName32=Tên thư mục không được chứa ký tự nào trong các ký tự sau:%n%n%1
DirExistsTitle=Thư mục đã có
DirExists=Thư mục:%n%n%1%n%nđã có. Vẫn cài vào thư mục đó?
DirDoesntExistTitle=Thư mục chưa có
DirDoesntExist=Thư mục:%n%n%1%n%nchưa có. Tạo thư mục này?

; *** "Select Components" wizard page
WizardSelectComponents=Chọn thành phần
SelectComponentsDesc=Cài những thành phần nào?
SelectComponentsLabel2=Đánh dấu các thành phần muốn cài, bỏ dấu các thành phần không muốn cài. Bấm Tiếp khi đã sẵn sàng.
FullInstallation=Cài đầy đủ
CompactInstallation=Cài gọn
CustomInstallation=Cài theo lựa chọn
NoUninstallWarningTitle=Thành phần đã có
NoUninstallWarning=Trình cài đặt thấy các thành phần sau đã được cài trên máy:%n%n%1%n%nBỏ chọn các thành phần này không gỡ chúng khỏi máy.%n%nVẫn tiếp tục?
ComponentSize1=%1 KB
ComponentSize2=%1 MB
ComponentsDiskSpaceGBLabel=Lựa chọn hiện tại cần ít nhất [gb] GB dung lượng ổ đĩa.
ComponentsDiskSpaceMBLabel=Lựa chọn hiện tại cần ít nhất [mb] MB dung lượng ổ đĩa.

; *** "Select Additional Tasks" wizard page
WizardSelectTasks=Chọn việc làm thêm
SelectTasksDesc=Làm thêm những việc nào?
SelectTasksLabel2=Chọn những việc trình cài đặt làm thêm trong khi cài [name], rồi bấm Tiếp.

; *** "Select Start Menu Folder" wizard page
WizardSelectProgramGroup=Chọn thư mục trong menu Start
SelectStartMenuFolderDesc=Đặt lối tắt của chương trình ở đâu?
SelectStartMenuFolderLabel3=Trình cài đặt sẽ tạo lối tắt của chương trình trong thư mục sau của menu Start.
SelectStartMenuFolderBrowseLabel=Bấm Tiếp để tiếp tục. Muốn chọn thư mục khác, bấm Chọn.
MustEnterGroupName=Phải nhập tên thư mục.
GroupNameTooLong=Tên thư mục hoặc đường dẫn quá dài.
InvalidGroupName=Tên thư mục không hợp lệ.
BadGroupName=Tên thư mục không được chứa ký tự nào trong các ký tự sau:%n%n%1
NoProgramGroupCheck2=&Không tạo thư mục trong menu Start

; *** "Ready to Install" wizard page
WizardReady=Sẵn sàng cài đặt
ReadyLabel1=Trình cài đặt đã sẵn sàng cài [name] vào máy tính của bạn.
ReadyLabel2a=Bấm Cài đặt để bắt đầu cài, hoặc Quay lại nếu muốn xem lại hay thay đổi lựa chọn.
ReadyLabel2b=Bấm Cài đặt để bắt đầu cài.
ReadyMemoUserInfo=Thông tin người dùng:
ReadyMemoDir=Nơi cài đặt:
ReadyMemoType=Kiểu cài đặt:
ReadyMemoComponents=Các thành phần đã chọn:
ReadyMemoGroup=Thư mục trong menu Start:
ReadyMemoTasks=Việc làm thêm:

; *** TDownloadWizardPage wizard page and DownloadTemporaryFile
DownloadingLabel2=Đang tải tệp xuống...
ButtonStopDownload=&Dừng tải
StopDownload=Dừng tải xuống?
ErrorDownloadAborted=Đã dừng tải xuống
ErrorDownloadFailed=Tải xuống không được: %1 %2
ErrorDownloadSizeFailed=Không lấy được kích thước: %1 %2
ErrorProgress=Tiến độ không hợp lệ: %1 trên %2
ErrorFileSize=Kích thước tệp không đúng: cần %1, thấy %2

; *** TExtractionWizardPage wizard page and ExtractArchive
ExtractingLabel=Đang giải nén tệp...
ButtonStopExtraction=&Dừng giải nén
StopExtraction=Dừng giải nén?
ErrorExtractionAborted=Đã dừng giải nén
ErrorExtractionFailed=Giải nén không được: %1

; *** Archive extraction failure details
ArchiveIncorrectPassword=Mật khẩu không đúng
ArchiveIsCorrupted=Tệp nén bị hỏng
ArchiveUnsupportedFormat=Không hỗ trợ định dạng tệp nén này

; *** "Preparing to Install" wizard page
WizardPreparing=Chuẩn bị cài đặt
PreparingDesc=Trình cài đặt đang chuẩn bị cài [name] vào máy tính của bạn.
PreviousInstallNotCompleted=Lần cài đặt hoặc gỡ bỏ một chương trình trước đó chưa xong. Cần khởi động lại máy để hoàn tất việc đó.%n%nSau khi khởi động lại máy, hãy chạy lại trình cài đặt để cài xong [name].
CannotContinue=Trình cài đặt không tiếp tục được. Bấm Hủy để thoát.
ApplicationsFound=Các chương trình sau đang dùng những tệp mà trình cài đặt cần cập nhật. Nên để trình cài đặt tự đóng các chương trình này.
ApplicationsFound2=Các chương trình sau đang dùng những tệp mà trình cài đặt cần cập nhật. Nên để trình cài đặt tự đóng các chương trình này. Cài xong, trình cài đặt sẽ thử mở lại chúng.
CloseApplications=&Tự động đóng các chương trình
DontCloseApplications=&Không đóng các chương trình
ErrorCloseApplications=Trình cài đặt không tự đóng được hết các chương trình. Trước khi tiếp tục, nên đóng mọi chương trình đang dùng những tệp mà trình cài đặt cần cập nhật.
PrepareToInstallNeedsRestart=Trình cài đặt phải khởi động lại máy. Sau khi khởi động lại máy, hãy chạy lại trình cài đặt để cài xong [name].%n%nKhởi động lại máy ngay bây giờ?

; *** "Installing" wizard page
WizardInstalling=Đang cài đặt
InstallingLabel=Xin chờ trong khi trình cài đặt cài [name] vào máy tính của bạn.

; *** "Setup Completed" wizard page
FinishedHeadingLabel=Hoàn tất cài đặt [name]
FinishedLabelNoIcons=Đã cài xong [name] vào máy tính của bạn.
FinishedLabel=Đã cài xong [name] vào máy tính của bạn. Có thể mở chương trình bằng các lối tắt vừa tạo.
ClickFinish=Bấm Xong để thoát cài đặt.
FinishedRestartLabel=Để cài xong [name], trình cài đặt phải khởi động lại máy. Khởi động lại ngay bây giờ?
FinishedRestartMessage=Để cài xong [name], trình cài đặt phải khởi động lại máy.%n%nKhởi động lại ngay bây giờ?
ShowReadmeCheck=Có, tôi muốn xem tệp hướng dẫn (README)
YesRadio=&Có, khởi động lại máy ngay
NoRadio=&Không, tôi sẽ khởi động lại máy sau
RunEntryExec=Chạy %1
RunEntryShellExec=Xem %1

; *** "Setup Needs the Next Disk" stuff
ChangeDiskTitle=Trình cài đặt cần đĩa tiếp theo
SelectDiskLabel2=Hãy đưa đĩa %1 vào rồi bấm OK.%n%nNếu các tệp của đĩa này nằm ở thư mục khác thư mục ghi dưới đây, hãy nhập đúng đường dẫn hoặc bấm Chọn.
PathLabel=Đường &dẫn:
FileNotInDir2=Không tìm thấy tệp "%1" trong "%2". Hãy đưa đúng đĩa vào hoặc chọn thư mục khác.
SelectDirectoryLabel=Hãy chỉ ra nơi có đĩa tiếp theo.

; *** Installation phase messages
SetupAborted=Việc cài đặt chưa xong.%n%nHãy khắc phục lỗi rồi chạy lại trình cài đặt.
AbortRetryIgnoreSelectAction=Chọn cách xử lý
AbortRetryIgnoreRetry=&Thử lại
AbortRetryIgnoreIgnore=&Bỏ qua lỗi và tiếp tục
AbortRetryIgnoreCancel=Hủy cài đặt
RetryCancelSelectAction=Chọn cách xử lý
RetryCancelRetry=&Thử lại
RetryCancelCancel=Hủy

; *** Installation status messages
StatusClosingApplications=Đang đóng các chương trình...
StatusCreateDirs=Đang tạo thư mục...
StatusExtractFiles=Đang giải nén tệp...
StatusDownloadFiles=Đang tải tệp xuống...
StatusCreateIcons=Đang tạo lối tắt...
StatusCreateIniEntries=Đang ghi mục INI...
StatusCreateRegistryEntries=Đang ghi mục Registry...
StatusRegisterFiles=Đang đăng ký tệp...
StatusSavingUninstall=Đang lưu thông tin gỡ cài đặt...
StatusRunProgram=Đang hoàn tất cài đặt...
StatusRestartingApplications=Đang mở lại các chương trình...
StatusRollback=Đang hoàn lại các thay đổi...

; *** Misc. errors
ErrorInternal2=Lỗi nội bộ: %1
ErrorFunctionFailedNoCode=%1 không thành công
ErrorFunctionFailed=%1 không thành công; mã %2
ErrorFunctionFailedWithMessage=%1 không thành công; mã %2.%n%3
ErrorExecutingProgram=Không chạy được tệp:%n%1

; *** Registry errors
ErrorRegOpenKey=Lỗi khi mở khóa Registry:%n%1\%2
ErrorRegCreateKey=Lỗi khi tạo khóa Registry:%n%1\%2
ErrorRegWriteKey=Lỗi khi ghi khóa Registry:%n%1\%2

; *** INI errors
ErrorIniEntry=Lỗi khi tạo mục INI trong tệp "%1".

; *** File copying errors
FileAbortRetryIgnoreSkipNotRecommended=&Bỏ qua tệp này (không nên)
FileAbortRetryIgnoreIgnoreNotRecommended=Bỏ qua &lỗi và tiếp tục (không nên)
SourceIsCorrupted=Tệp nguồn bị hỏng
SourceDoesntExist=Không có tệp nguồn "%1"
SourceVerificationFailed=Kiểm tra tệp nguồn không đạt: %1
VerificationSignatureDoesntExist=Không có tệp chữ ký "%1"
VerificationSignatureInvalid=Tệp chữ ký "%1" không hợp lệ
VerificationKeyNotFound=Tệp chữ ký "%1" dùng một khóa không rõ
VerificationFileNameIncorrect=Tên tệp không đúng
VerificationFileTagIncorrect=Nhãn của tệp không đúng
VerificationFileSizeIncorrect=Kích thước tệp không đúng
VerificationFileHashIncorrect=Mã băm của tệp không đúng
ExistingFileReadOnly2=Không thay được tệp đang có vì tệp được đặt chỉ đọc.
ExistingFileReadOnlyRetry=&Bỏ thuộc tính chỉ đọc rồi thử lại
ExistingFileReadOnlyKeepExisting=&Giữ tệp đang có
ErrorReadingExistingDest=Có lỗi khi đọc tệp đang có:
FileExistsSelectAction=Chọn cách xử lý
FileExists2=Tệp đã có.
FileExistsOverwriteExisting=&Ghi đè tệp đang có
FileExistsKeepExisting=Giữ tệp đang &có
FileExistsOverwriteOrKeepAll=&Làm như vậy cho các trường hợp trùng tiếp theo
ExistingFileNewerSelectAction=Chọn cách xử lý
ExistingFileNewer2=Tệp đang có mới hơn tệp trình cài đặt định cài.
ExistingFileNewerOverwriteExisting=&Ghi đè tệp đang có
ExistingFileNewerKeepExisting=Giữ tệp đang &có (nên chọn)
ExistingFileNewerOverwriteOrKeepAll=&Làm như vậy cho các trường hợp trùng tiếp theo
ErrorChangingAttr=Có lỗi khi đổi thuộc tính của tệp đang có:
ErrorCreatingTemp=Có lỗi khi tạo tệp trong thư mục cài đặt:
ErrorReadingSource=Có lỗi khi đọc tệp nguồn:
ErrorCopying=Có lỗi khi sao chép tệp:
ErrorDownloading=Có lỗi khi tải tệp xuống:
ErrorExtracting=Có lỗi khi giải nén tệp nén:
ErrorReplacingExistingFile=Có lỗi khi thay tệp đang có:
ErrorRestartReplace=Thay tệp khi khởi động lại (RestartReplace) không được:
ErrorRenamingTemp=Có lỗi khi đổi tên tệp trong thư mục cài đặt:
ErrorRegisterServer=Không đăng ký được DLL/OCX: %1
ErrorRegSvr32Failed=RegSvr32 không thành công, mã thoát %1
ErrorRegisterTypeLib=Không đăng ký được thư viện kiểu (type library): %1

; *** Uninstall display name markings
UninstallDisplayNameMark=%1 (%2)
UninstallDisplayNameMarks=%1 (%2, %3)
UninstallDisplayNameMark32Bit=32 bit
UninstallDisplayNameMark64Bit=64 bit
UninstallDisplayNameMarkAllUsers=Mọi người dùng
UninstallDisplayNameMarkCurrentUser=Người dùng hiện tại

; *** Post-installation errors
ErrorOpeningReadme=Có lỗi khi mở tệp hướng dẫn (README).
ErrorRestartingComputer=Trình cài đặt không khởi động lại được máy. Hãy tự khởi động lại.

; *** Uninstaller messages
UninstallNotFound=Không có tệp "%1". Không gỡ cài đặt được.
UninstallOpenError=Không mở được tệp "%1". Không gỡ cài đặt được
UninstallUnsupportedVer=Tệp nhật ký gỡ cài đặt "%1" có định dạng mà trình gỡ cài đặt này không đọc được. Không gỡ cài đặt được
UninstallUnknownEntry=Gặp một mục không rõ (%1) trong nhật ký gỡ cài đặt
ConfirmUninstall=Gỡ hẳn %1 và mọi thành phần của chương trình khỏi máy?
UninstallOnlyOnWin64=Chỉ gỡ được bản cài đặt này trên Windows 64 bit.
OnlyAdminCanUninstall=Chỉ người dùng có quyền quản trị mới gỡ được bản cài đặt này.
UninstallStatusLabel=Xin chờ trong khi gỡ %1 khỏi máy tính của bạn.
UninstalledAll=Đã gỡ xong %1 khỏi máy tính của bạn.
UninstalledMost=Đã gỡ xong %1.%n%nMột số mục không xóa được; có thể tự xóa chúng.
UninstalledAndNeedsRestart=Để gỡ xong %1, cần khởi động lại máy.%n%nKhởi động lại ngay bây giờ?
UninstallDataCorrupted=Tệp "%1" bị hỏng. Không gỡ cài đặt được

; *** Uninstallation phase messages
ConfirmDeleteSharedFileTitle=Xóa tệp dùng chung?
ConfirmDeleteSharedFile2=Hệ thống cho biết tệp dùng chung sau không còn chương trình nào dùng. Xóa tệp dùng chung này?%n%nNếu còn chương trình nào dùng tệp này mà tệp bị xóa, chương trình đó có thể chạy sai. Nếu không chắc, hãy chọn Không: để tệp lại trên máy không gây hại gì.
SharedFileNameLabel=Tên tệp:
SharedFileLocationLabel=Vị trí:
WizardUninstalling=Tình trạng gỡ cài đặt
StatusUninstalling=Đang gỡ %1...

; *** Shutdown block reasons
ShutdownBlockReasonInstallingApp=Đang cài %1.
ShutdownBlockReasonUninstallingApp=Đang gỡ %1.

; Messages a script may use as {cm:...} (Inno Setup's standard set, e.g. the desktop-shortcut task).

[CustomMessages]

NameAndVersion=%1 phiên bản %2
AdditionalIcons=Lối tắt bổ sung:
CreateDesktopIcon=Tạo lối tắt trên &màn hình nền
CreateQuickLaunchIcon=Tạo lối tắt trên thanh &Quick Launch
ProgramOnTheWeb=%1 trên mạng
UninstallProgram=Gỡ cài đặt %1
LaunchProgram=Mở %1
AssocFileExtension=&Gắn %1 với đuôi tệp %2
AssocingFileExtension=Đang gắn %1 với đuôi tệp %2...
AutoStartProgramGroupDescription=Khởi động cùng Windows:
AutoStartProgram=Tự mở %1 khi khởi động
AddonHostProgramNotFound=Không tìm thấy %1 trong thư mục đã chọn.%n%nVẫn tiếp tục?
