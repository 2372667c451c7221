<?php
return ['paths' => [], 'compiled' => getenv('LARAVEL_WORK') ?: sys_get_temp_dir()];
