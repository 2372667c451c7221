# acl.auth.php
# <?php exit()?>
# Don't modify the lines above
#
# Access Control Lists, as Debian's postinst writes them: everyone reads, the group user uploads.

*               @ALL          1
*               @user         8
