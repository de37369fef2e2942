<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>AddProfileWindow</name>
    <message>
        <location filename="../../views/dialogs/profile/profile_add_edit.py" line="30" />
        <source>Please enter a profile name.</source>
        <translation>Veuillez entrer un nom de profil.</translation>
    </message>
    <message>
        <location filename="../../views/dialogs/profile/profile_add_edit.py" line="31" />
        <source>A profile with this name already exists.</source>
        <translation>Un profil avec ce nom existe déjà.</translation>
    </message>
    <message>
        <location filename="../../views/dialogs/profile/profile_add_edit.py" line="27" />
        <source>Save</source>
        <translation>Sauvegarder</translation>
    </message>
    <message>
        <location filename="../../views/dialogs/profile/profile_add_edit.py" line="28" />
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>BorgDiffJob</name>
    <message>
        <location filename="../../borg/diff.py" line="10" />
        <source>Requesting differences between archives…</source>
        <translation>Récupération des différences entre les archives…</translation>
    </message>
    <message>
        <location filename="../../borg/diff.py" line="16" />
        <source>Obtained differences between archives.</source>
        <translation>Différences entre les archives récupérées.</translation>
    </message>
</context>
<context>
    <name>NetworksPage</name>
    <message>
        <location filename="../../assets/UI/networks_page.ui" line="0" />
        <source>Networks</source>
        <translation>Réseaux</translation>
    </message>
    <message>
        <location filename="../../assets/UI/networks_page.ui" line="0" />
        <source>Allowed Networks:</source>
        <translation>Réseaux autorisés :</translation>
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
        <translation>Lancer les sauvegardes sur les réseaux mesurés </translation>
    </message>
</context>
<context>
    <name>VortaFileDialog</name>
    <message>
        <location filename="../../filedialog.py" line="36" />
        <source>Show hidden files</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../filedialog.py" line="117" />
        <location filename="../../filedialog.py" line="103" />
        <source>Permission Denied</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Form</name>
    <message>
        <location filename="../../views/repo_tab.py" line="31" />
        <source>For simple and secure backup hosting, try %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../views/repo_tab.py" line="32" />
        <source>Help on compression types</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../views/about_tab.py" line="29" />
        <source>%1 to report a bug.</source>
        <translation type="unfinished" />
    </message>
</context>
</TS>
