<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>AddProfileWindow</name>
    <message>
        <location filename="../../views/dialogs/profile/profile_add_edit.py" line="30" />
        <source>Please enter a profile name.</source>
        <translation>Bitte einen Profilnamen eingeben.</translation>
    </message>
    <message>
        <location filename="../../views/dialogs/profile/profile_add_edit.py" line="31" />
        <source>A profile with this name already exists.</source>
        <translation>Ein gleichnamiges Profil existiert bereits.</translation>
    </message>
    <message>
        <location filename="../../views/dialogs/profile/profile_add_edit.py" line="27" />
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location filename="../../views/dialogs/profile/profile_add_edit.py" line="28" />
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>BorgDiffJob</name>
    <message>
        <location filename="../../borg/diff.py" line="10" />
        <source>Requesting differences between archives…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../borg/diff.py" line="16" />
        <source>Obtained differences between archives.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>NetworksPage</name>
    <message>
        <location filename="../../assets/UI/networks_page.ui" line="0" />
        <source>Networks</source>
        <translation>Netzwerke</translation>
    </message>
    <message>
        <location filename="../../assets/UI/networks_page.ui" line="0" />
        <source>Allowed Networks:</source>
        <translation>Erlaubte Netzwerke:</translation>
    </message>
    <message>
        <location filename="../../assets/UI/networks_page.ui" line="0" />
        <source>Select All</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assets/UI/networks_page.ui" line="0" />
        <source>Select None</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assets/UI/networks_page.ui" line="0" />
        <source>Run backups over metered networks</source>
        <translation>Backups über limitierte Verbindungen ausführen</translation>
    </message>
</context>
<context>
    <name>VortaFileDialog</name>
    <message>
        <location filename="../../filedialog.py" line="36" />
        <source>Show hidden files</source>
        <translation>Versteckte Dateien anzeigen</translation>
    </message>
    <message>
        <location filename="../../filedialog.py" line="117" />
        <location filename="../../filedialog.py" line="103" />
        <source>Permission Denied</source>
        <translation>Zugriff verweigert</translation>
    </message>
    <message>
        <source>You don't have read access to {path}.</source>
        <translation type="vanished">Du hast keinen Lesezugriff auf {path}.</translation>
    </message>
</context>
<context>
    <name>Form</name>
    <message>
        <location filename="../../views/repo_tab.py" line="31" />
        <source>For simple and secure backup hosting, try %1.</source>
        <translation>Probiere %1 für einfaches und sicheres Backup-Hosting.</translation>
    </message>
    <message>
        <location filename="../../views/repo_tab.py" line="32" />
        <source>Help on compression types</source>
        <translation>Weitere Informationen</translation>
    </message>
    <message>
        <location filename="../../views/about_tab.py" line="29" />
        <source>%1 to report a bug.</source>
        <translation>%1 zum Melden eines Fehlers.</translation>
    </message>
</context>
</TS>
